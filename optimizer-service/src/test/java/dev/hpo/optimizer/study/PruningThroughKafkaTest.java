package dev.hpo.optimizer.study;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hpo.common.json.Json;
import dev.hpo.common.message.ControlMessage;
import dev.hpo.common.message.MessageCodec;
import dev.hpo.common.message.ProgressMessage;
import dev.hpo.common.message.ResultMessage;
import dev.hpo.common.message.TrialMessage;
import dev.hpo.common.message.TrialStatus;
import dev.hpo.localkafka.LocalKafka;
import dev.hpo.localkafka.TopicProbe;
import dev.hpo.localkafka.quarkus.LocalKafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/** A study with {@code earlyStopping} stops its poor trials through a real broker: progress in, stops out. */
@QuarkusTest
@QuarkusTestResource(LocalKafkaTestResource.class)
class PruningThroughKafkaTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final TopicProbe TOPICS = new TopicProbe(LocalKafka.shared().bootstrapServers());
    private static final String POOL = "prune-run";

    @Test
    void ashaStopsEachTrialOutsideTheTopOfItsRungOnceAndThePrunedResultEndsIt() {
        String id = given().contentType(ContentType.JSON).body("""
                {"name": "pruning", "objective": {"metric": "val_recall", "direction": "maximize"},
                 "strategy": {"type": "random", "seed": 5}, "budget": {"maxTrials": 4, "parallelism": 4},
                 "workerPool": "%s", "searchSpace": {"neurons1": {"type": "int", "min": 20, "max": 60}},
                 "earlyStopping": {"type": "asha", "minEpochs": 1, "minTrials": 3, "reductionFactor": 3}}
                """.formatted(POOL)).post("/api/studies").then().statusCode(201).extract().path("id");
        List<TrialMessage> trials = TOPICS.read("hpo.trials." + POOL, r -> r.key().startsWith(id + "."), 4, WAIT)
                .stream().map(r -> MessageCodec.decodeTrial(r.value()))
                .sorted(Comparator.comparingInt(TrialMessage::number)).toList();
        assertThat(trials).hasSize(4);

        // Rung 0 is epoch 1. Trials 0 and 1 find fewer than 3 values there; trial 2's 0.7 is not the best of 3.
        epoch(trials.get(0), 0.9);
        epoch(trials.get(1), 0.8);
        epoch(trials.get(2), 0.7);
        epoch(trials.get(2), 0.7);
        // Four values, top 1: 0.1 is stopped too.
        epoch(trials.get(3), 0.1);

        await().atMost(WAIT).until(() -> given().get("/q/metrics").asString()
                .contains("hpo_pruning_stops_total{rule=\"asha\",study=\"" + id + "\"} 2.0"));
        // A third stop (trial 2's redelivered epoch asking again) would be on the topic by now.
        List<ControlMessage> stops = TOPICS.read("hpo.control", r -> r.key().startsWith(id + "."), 3,
                        Duration.ofSeconds(5)).stream().map(r -> MessageCodec.decodeControl(r.value()))
                .sorted(Comparator.comparing(ControlMessage::trialId)).toList();
        assertThat(stops).extracting(ControlMessage::trialId)
                .containsExactly(trials.get(2).trialId(), trials.get(3).trialId());
        assertThat(stops.get(0).reason()).startsWith("pruned: asha: val_recall 0.7000 at rung 0 (epoch 1) is not "
                + "in the top 1 of the 3 values");

        TOPICS.send("hpo.results", id, Json.write(ResultMessage.of(id, trials.get(2).trialId(), 1, TrialStatus.PRUNED,
                Map.of("val_recall", 0.7), 1, 10, "test-worker", "cpu", stops.get(0).reason())));
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/studies/" + id).then()
                .body("counts.pruned", Matchers.equalTo(1)).body("counts.running", Matchers.equalTo(3)));
    }

    private static void epoch(TrialMessage t, double recall) {
        TOPICS.send("hpo.progress", t.studyId(), Json.write(ProgressMessage.running(t.studyId(), t.trialId(), 1,
                "test-worker", Instant.now())));
        TOPICS.send("hpo.progress", t.studyId(), Json.write(ProgressMessage.epoch(t.studyId(), t.trialId(), 1,
                "test-worker", 1, Map.of("val_recall", recall, "val_loss", 0.4), Instant.now())));
    }
}
