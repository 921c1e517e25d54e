package dev.hpo.optimizer.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpo.common.json.Json;
import dev.hpo.common.message.MessageCodec;
import dev.hpo.common.message.ResultMessage;
import dev.hpo.common.message.TrialMessage;
import dev.hpo.common.message.TrialStatus;
import dev.hpo.localkafka.quarkus.LocalKafkaTestResource;
import dev.hpo.localkafka.LocalKafka;
import dev.hpo.localkafka.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(LocalKafkaTestResource.class)
class StudyApiTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final TopicProbe TOPICS = new TopicProbe(LocalKafka.shared().bootstrapServers());

    private static String spec(String pool, int maxTrials, int parallelism) {
        return """
                name: api-test
                objective: {metric: val_recall, direction: maximize}
                strategy: {type: random, seed: 3}
                budget: {maxTrials: %d, parallelism: %d}
                workerPool: %s
                searchSpace:
                  neurons1: {type: int, min: 20, max: 60, step: 10}
                  optimizer: {type: choice, values: [adam, lion]}
                  beta_1_lion: {type: float, min: 0.85, max: 0.99, when: {optimizer: lion}}
                  learning_rate: {type: float, min: 1.0e-4, max: 1.0e-2, log: true}
                  epochs: {type: int, min: 4, max: 8, step: 4}
                trainer: {dataset: {type: synthetic-fraud, rows: 500}}
                """.formatted(maxTrials, parallelism, pool);
    }

    @Test
    void invalidSpecIsRefusedWithEveryProblemNamed() {
        String bad = """
                {"name": "bad", "strategy": {"type": "magic"}, "budget": {"maxTrials": 0},
                 "searchSpace": {"neurons1": {"type": "int", "min": 70, "max": 60},
                                 "rate": {"type": "float", "min": 0, "max": 1, "log": true}}}
                """;
        JsonNode body = Json.mapper().valueToTree(given().contentType(ContentType.JSON).body(bad)
                .post("/api/studies").then().statusCode(400).extract().as(Map.class));

        List<String> messages = body.get("errors").findValuesAsText("message");
        assertThat(messages).contains(
                "objective is required (for example {metric: val_recall, direction: maximize})",
                "strategy.type (magic) must be one of bayesian, random, grid",
                "budget.maxTrials (0) must be in [1, 100000]",
                "searchSpace.neurons1.min (70) must be <= max (60)",
                "searchSpace.rate.min (0.0) must be > 0 when log is true");
        assertThat(body.get("errors").findValuesAsText("field")).contains("strategy.type", "searchSpace.neurons1.min");
    }

    @Test
    void unknownStudyIs404() {
        given().get("/api/studies/nope-12345678").then().statusCode(404);
    }

    @Test
    void randomStudyKeepsParallelismInFlightAndFinishesAtMaxTrials() {
        String pool = "api-run";
        String id = create(spec(pool, 3, 2));

        List<TrialMessage> first = trials(pool, id, 2);
        assertThat(first).extracting(TrialMessage::number).containsExactlyInAnyOrder(0, 1);
        assertThat(first).allSatisfy(t -> assertThat(t.params()).containsKeys("neurons1", "optimizer", "learning_rate"));
        assertThat(first).allSatisfy(t -> assertThat(t.params().containsKey("beta_1_lion"))
                .isEqualTo("lion".equals(t.params().get("optimizer"))));

        publishResult(first.get(0), 0.40);
        List<TrialMessage> all = trials(pool, id, 3);
        assertThat(all).extracting(TrialMessage::number).containsExactlyInAnyOrder(0, 1, 2);
        publishResult(first.get(1), 0.90);
        publishResult(first.get(1), 0.10);
        publishResult(first.get(1), 0.10);
        publishResult(all.stream().filter(t -> t.number() == 2).findFirst().orElseThrow(), 0.70);

        TrialMessage refit = TOPICS.read("hpo.trials." + pool, r -> r.key().equals(id + ".refit"), 1, WAIT).stream()
                .map(r -> MessageCodec.decodeTrial(r.value())).findFirst().orElseThrow();
        given().get("/api/studies/" + id).then().body("status", org.hamcrest.Matchers.equalTo("RUNNING"))
                .body("counts.completed", org.hamcrest.Matchers.equalTo(3));
        assertThat(refit.params()).containsAllEntriesOf(paramsWithout(first.get(1), "epochs"));
        assertThat(((Number) refit.params().get("epochs")).intValue()).as("the best trial's kept epoch").isEqualTo(3);
        assertThat(refit.trainer().path("refit").asBoolean()).isTrue();
        assertThat(refit.number()).isEqualTo(3);
        TOPICS.send("hpo.results", id, Json.write(ResultMessage.of(id, refit.trialId(), 1, TrialStatus.COMPLETED,
                Map.of("test_recall", 0.8, "dev_recall", 0.85), 4, 10, "test-worker", "cpu", null)
                .withArtifact("/artifacts/" + id + "/model.zip")));

        await().atMost(WAIT).untilAsserted(() -> given().get("/api/studies/" + id).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("FINISHED"))
                .body("counts.completed", org.hamcrest.Matchers.equalTo(3))
                .body("best.number", org.hamcrest.Matchers.equalTo(1))
                .body("best.objective", org.hamcrest.Matchers.equalTo(0.90f))
                .body("refit.metrics.test_recall", org.hamcrest.Matchers.equalTo(0.8f))
                .body("refit.artifact", org.hamcrest.Matchers.equalTo("/artifacts/" + id + "/model.zip")));
        given().get("/api/studies/" + id + "/trials").then().statusCode(200)
                .body("size()", org.hamcrest.Matchers.equalTo(3));
    }

    @Test
    void unreadableResultsGoToTheDeadLetterTopicWhileTheStudyCarriesOn() {
        String pool = "api-dlq";
        String id = create(spec(pool, 2, 1));
        TrialMessage trial = trials(pool, id, 1).get(0);

        TOPICS.send("hpo.results", id, "{not json");
        TOPICS.send("hpo.results", id, """
                {"schema": "hpo.result/v1", "studyId": "%s", "trialId": "%s", "attempt": 1, "status": "DONE",
                 "metrics": {}, "epochs": 1, "durationMs": 5, "worker": "w"}""".formatted(id, trial.trialId()));
        publishResult(trial, 0.5);

        List<ConsumerRecord<String, byte[]>> dead = TOPICS.read("hpo.dlq", r -> id.equals(r.key()), 2, WAIT);
        assertThat(dead).hasSize(2);
        assertThat(dead).extracting(r -> TopicProbe.header(r, "dead-letter-reason"))
                .anySatisfy(reason -> assertThat(reason).startsWith("not valid JSON"))
                .anySatisfy(reason -> assertThat(reason).contains("does not match hpo.result/v1").contains("DONE"));
        assertThat(dead).allSatisfy(r -> assertThat(TopicProbe.header(r, "dead-letter-topic")).isEqualTo("hpo.results"));

        List<TrialMessage> both = trials(pool, id, 2);
        assertThat(both).extracting(TrialMessage::number).containsExactlyInAnyOrder(0, 1);
        given().get("/api/studies/" + id).then().body("counts.completed", org.hamcrest.Matchers.equalTo(1));
    }

    @Test
    void aStudyWarmStartsFromTheCompletedTrialsOfAnEarlierOneAndRefusesAnUnknownOne() {
        String pool = "warm-" + System.nanoTime();
        String earlier = create(spec(pool, 3, 3));
        List<TrialMessage> issued = trials(pool, earlier, 3);
        publishResult(issued.get(0), 0.6);
        publishResult(issued.get(1), 0.8);
        await().atMost(WAIT).until(() -> given().get("/api/studies/" + earlier).then().extract()
                .<Integer>path("counts.completed") == 2);

        String warm = create(spec(pool, 2, 1) + "warmStartFrom: [" + earlier + "]\n");
        given().get("/api/studies/" + warm).then().statusCode(200).body("warmStartObservations", equalTo(2))
                .body("spec.warmStartFrom[0]", equalTo(earlier));

        given().contentType("application/json").body("""
                {"name": "w", "objective": {"metric": "val_recall", "direction": "maximize"},
                 "budget": {"maxTrials": 2}, "searchSpace": {"n": {"type": "int", "min": 1, "max": 3}},
                 "warmStartFrom": ["%s", "no-such-study"]}""".formatted(earlier))
                .post("/api/studies").then().statusCode(400)
                .body("errors.field", contains("warmStartFrom[0]", "warmStartFrom[1]"))
                .body("errors[1].message", containsString("is not a known study"));
    }

    @Test
    void aMultiObjectiveStudyShowsItsParetoSetAndTheHypervolumeAfterEachTrial() {
        String pool = "api-pareto";
        String id = create("""
                name: pareto-test
                objectives:
                  - {metric: val_recall, direction: maximize}
                  - {metric: val_precision, direction: maximize, reference: 0.0}
                strategy: {type: bayesian, seed: 5}
                budget: {maxTrials: 3, parallelism: 3}
                finalRefit: false
                workerPool: %s
                searchSpace:
                  neurons1: {type: int, min: 20, max: 60, step: 10}
                  learning_rate: {type: float, min: 1.0e-4, max: 1.0e-2, log: true}
                trainer: {dataset: {type: synthetic-fraud, rows: 500}}
                """.formatted(pool));
        List<TrialMessage> issued = trials(pool, id, 3);
        assertThat(issued).extracting(TrialMessage::params).doesNotHaveDuplicates();
        publishResult(issued.get(0), Map.of("val_recall", 0.9, "val_precision", 0.5));
        publishResult(issued.get(1), Map.of("val_recall", 0.6, "val_precision", 0.8));
        publishResult(issued.get(2), Map.of("val_recall", 0.5, "val_precision", 0.4));

        // Front {(0.9, 0.5), (0.6, 0.8)} over (0, 0): 0.9 * 0.5 + 0.6 * (0.8 - 0.5) = 0.63; trial 2 is dominated.
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/studies/" + id).then().statusCode(200)
                .body("status", equalTo("FINISHED"))
                .body("objectives.metric", contains("val_recall", "val_precision"))
                .body("objectives.reference", contains(0.0f, 0.0f))
                .body("paretoSet.number", contains(0, 1))
                .body("paretoSet[1].values.val_precision", equalTo(0.8f))
                .body("paretoSet[0].params.neurons1", equalTo(((Number) issued.get(0).params().get("neurons1")).intValue()))
                .body("best.pareto", equalTo(true))
                // (0.9, 0.5) and (0.6, 0.8) lie at distance 1 from the ideal point (0.9, 0.8): the earlier one.
                .body("best.number", equalTo(0))
                .body("bestChoice.number", equalTo(0))
                .body("bestChoice.rule", equalTo("ideal"))
                .body("bestChoice.ideal.val_precision", equalTo(0.8f)));
        assertThat(given().get("/api/studies/" + id).then().extract().jsonPath().getDouble("hypervolume"))
                .isCloseTo(0.63, org.assertj.core.data.Offset.offset(1e-6));
        given().get("/api/studies/" + id + "/trials").then().body("pareto", contains(true, true, false));
        io.restassured.path.json.JsonPath report = given().get("/api/studies/" + id + "/report").then()
                .statusCode(200).extract().jsonPath();
        assertThat(report.getList("paretoSet.trialId")).containsExactly(issued.get(0).trialId(),
                issued.get(1).trialId());
        assertThat(report.getList("hypervolumeSoFar.trials")).containsExactly(1, 2, 3);
        assertThat(report.getInt("bestChoice.number")).isZero();
        assertThat(report.getList("hypervolumeSoFar.hypervolume", Double.class).stream()
                .mapToDouble(Double::doubleValue).toArray())
                .containsExactly(new double[] {0.45, 0.63, 0.63}, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void aStudyOfOneObjectiveHasNoParetoFields() {
        String id = create(spec("api-single", 1, 1));
        given().get("/api/studies/" + id).then().statusCode(200).body("paretoSet", org.hamcrest.Matchers.nullValue())
                .body("hypervolume", org.hamcrest.Matchers.nullValue());
    }

    private static Map<String, Object> paramsWithout(TrialMessage t, String name) {
        Map<String, Object> params = new java.util.HashMap<>(t.params());
        params.remove(name);
        return params;
    }

    private static String create(String yaml) {
        return given().config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                        .encodeContentTypeAs("application/yaml", ContentType.TEXT)))
                .contentType("application/yaml").body(yaml).post("/api/studies").then().statusCode(201)
                .extract().path("id");
    }

    private static List<TrialMessage> trials(String pool, String studyId, int count) {
        List<TrialMessage> found = TOPICS.read("hpo.trials." + pool, r -> r.key().startsWith(studyId + "."),
                count, WAIT).stream().map(r -> MessageCodec.decodeTrial(r.value()))
                .sorted(java.util.Comparator.comparingInt(TrialMessage::number)).toList();
        assertThat(found).hasSize(count);
        return found;
    }

    private static void publishResult(TrialMessage t, double recall) {
        publishResult(t, Map.of("val_recall", recall, "val_precision", 0.5, "best_epoch", 3.0));
    }

    private static void publishResult(TrialMessage t, Map<String, Double> metrics) {
        ResultMessage r = ResultMessage.of(t.studyId(), t.trialId(), t.attempt(), TrialStatus.COMPLETED, metrics, 3,
                10, "test-worker", "cpu", null);
        TOPICS.send("hpo.results", t.studyId(), Json.write(r));
    }
}
