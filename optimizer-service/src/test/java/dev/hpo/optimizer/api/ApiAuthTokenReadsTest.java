package dev.hpo.optimizer.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.hpo.localkafka.quarkus.LocalKafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@code hpo.api.auth.reads=token}: reads need the token too, which event streams may carry as access_token. */
@QuarkusTest
@QuarkusTestResource(LocalKafkaTestResource.class)
@TestProfile(ApiAuthProfiles.TokenReads.class)
class ApiAuthTokenReadsTest {

    private static final String TOKEN = ApiAuthProfiles.TOKEN;

    @TestHTTPResource("/")
    URL base;

    @Test
    void readsWithoutTheTokenAre401AndWithItInTheHeaderOrTheQuery200() {
        double missing = ApiAuthTest.failures("missing");

        given().get("/api/studies").then().statusCode(401).header("WWW-Authenticate", "Bearer realm=\"hpo\"")
                .body("message", equalTo("missing bearer token"));
        given().get("/api/studies?access_token=" + TOKEN.substring(1)).then().statusCode(401)
                .body("message", equalTo("invalid bearer token"));
        given().header("Authorization", "Bearer " + TOKEN).get("/api/studies").then().statusCode(200);
        given().queryParam("access_token", TOKEN).get("/api/studies").then().statusCode(200);
        assertThat(ApiAuthTest.failures("missing")).isEqualTo(missing + 1);
    }

    @Test
    void theQueryParameterDoesNotAuthoriseAWrite() {
        given().queryParam("access_token", TOKEN).contentType(ContentType.JSON).body(ApiAuthTest.spec("auth-query"))
                .post("/api/studies").then().statusCode(401).body("message", equalTo("missing bearer token"));
    }

    @Test
    void anEventStreamOpensWithTheTokenInTheQueryAndCarriesTheStudiesUpdates() throws Exception {
        assertThat(events("").statusCode()).isEqualTo(401);
        HttpResponse<Stream<String>> stream = events("?access_token=" + TOKEN);
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
        try (Stream<String> lines = stream.body()) {
            CompletableFuture<String> event = CompletableFuture.supplyAsync(() -> lines
                    .filter(l -> l.startsWith("data:") && l.contains("auth-sse")).findFirst().orElseThrow());

            String id = given().header("Authorization", "Bearer " + TOKEN).contentType(ContentType.JSON)
                    .body(ApiAuthTest.spec("auth-sse")).post("/api/studies").then().statusCode(201).extract().path("id");

            assertThat(event.get(30, TimeUnit.SECONDS)).contains("\"studyId\":\"" + id + "\"");
        }
    }

    private HttpResponse<Stream<String>> events(String query) throws Exception {
        return HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(URI.create(base + "api/events" + query))
                        .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines())
                .get(30, TimeUnit.SECONDS);
    }
}
