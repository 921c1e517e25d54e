package dev.hpo.optimizer.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.hpo.localkafka.quarkus.LocalKafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The API with {@code hpo.api.auth} enabled and open reads: writes need the bearer token, nothing else does. */
@QuarkusTest
@QuarkusTestResource(LocalKafkaTestResource.class)
@TestProfile(ApiAuthProfiles.OpenReads.class)
class ApiAuthTest {

    private static final String TOKEN = ApiAuthProfiles.TOKEN;
    private static final String WRONG = "test-token-7f3c9a1e5c";

    /** A small random study of its own pool, so that no other test's trials mix in. */
    static String spec(String pool) {
        return """
                {"name": "%s", "objective": {"metric": "val_recall", "direction": "maximize"},
                 "strategy": {"type": "random", "seed": 5}, "budget": {"maxTrials": 4, "parallelism": 1},
                 "workerPool": "%s", "searchSpace": {"neurons1": {"type": "int", "min": 20, "max": 60, "step": 10}},
                 "trainer": {"dataset": {"type": "synthetic-fraud", "rows": 500}}}""".formatted(pool, pool);
    }

    /** The refusals ApiAuthFilter logs, read back to prove what they hold. */
    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLog() {
        Logger.getLogger(ApiAuthFilter.class.getName()).addHandler(capture);
    }

    @AfterEach
    void releaseLog() {
        Logger.getLogger(ApiAuthFilter.class.getName()).removeHandler(capture);
    }

    @Test
    void createWithoutATokenIs401WithTheChallengeAndIsCountedAndLoggedAsMissing() {
        double before = failures("missing");

        Response refused = given().contentType(ContentType.JSON).body(spec("auth-missing")).post("/api/studies");

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"hpo\"");
        assertThat(refused.contentType()).startsWith("application/json");
        assertThat(refused.jsonPath().getString("message")).isEqualTo("missing bearer token");
        assertThat(refused.jsonPath().getList("errors")).isEmpty();
        assertThat(failures("missing")).isEqualTo(before + 1);
        assertThat(logged).extracting(r -> String.format(r.getMessage(), r.getParameters()))
                .containsExactly("refused POST /api/studies: missing bearer token");
        given().get("/api/studies").then().statusCode(200)
                .body("findAll { it.name == 'auth-missing' }.size()", equalTo(0));
    }

    @Test
    void createWithAWrongTokenIs401InvalidAndNeitherTheAnswerNorTheLogRepeatsIt() {
        double before = failures("invalid");

        Response refused = given().header("Authorization", "Bearer " + WRONG).contentType(ContentType.JSON)
                .body(spec("auth-wrong")).post("/api/studies");

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"hpo\"");
        assertThat(refused.jsonPath().getString("message")).isEqualTo("invalid bearer token");
        assertThat(refused.asString()).doesNotContain(WRONG).doesNotContain(TOKEN);
        assertThat(failures("invalid")).isEqualTo(before + 1);
        assertThat(logged).hasSize(1).allSatisfy(r -> assertThat(String.format(r.getMessage(), r.getParameters()))
                .isEqualTo("refused POST /api/studies: invalid bearer token").doesNotContain(WRONG));
    }

    @Test
    void createAndStopWithTheTokenSucceedAndStopWithoutItIsRefused() {
        String id = given().header("Authorization", "Bearer " + TOKEN).contentType(ContentType.JSON)
                .body(spec("auth-ok")).post("/api/studies").then().statusCode(201)
                .body("status", equalTo("RUNNING")).extract().path("id");

        given().post("/api/studies/" + id + "/stop").then().statusCode(401)
                .header("WWW-Authenticate", "Bearer realm=\"hpo\"").body("message", equalTo("missing bearer token"));
        given().get("/api/studies/" + id).then().statusCode(200).body("status", equalTo("RUNNING"));

        given().header("Authorization", "Bearer " + TOKEN).post("/api/studies/" + id + "/stop").then()
                .statusCode(200).body("status", equalTo("STOPPED"));
    }

    @Test
    void readsAreOpenWithoutAToken() {
        given().get("/api/studies").then().statusCode(200).contentType(ContentType.JSON);
        given().get("/api/studies/nope-12345678").then().statusCode(404);
        assertThat(logged).isEmpty();
    }

    @Test
    void healthMetricsAndTheDashboardStayOpen() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200);
        given().get("/").then().statusCode(200).contentType(ContentType.HTML);
        given().get("/js/api.js").then().statusCode(200);
        assertThat(logged).isEmpty();
    }

    /** hpo_api_auth_failures_total{reason} as Prometheus scrapes it; 0 before the first refusal of that reason. */
    static double failures(String reason) {
        Matcher m = Pattern.compile("^hpo_api_auth_failures_total\\{reason=\"" + reason + "\"} (\\S+)$", Pattern.MULTILINE)
                .matcher(given().get("/q/metrics").then().statusCode(200).extract().asString());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
