package dev.hpo.optimizer.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hpo.common.json.Json;
import dev.hpo.common.message.MessageCodec;
import dev.hpo.common.message.ProgressMessage;
import dev.hpo.common.message.ResultMessage;
import dev.hpo.common.message.TrialMessage;
import dev.hpo.common.message.TrialStatus;
import dev.hpo.localkafka.LocalKafka;
import dev.hpo.localkafka.TopicProbe;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plays a trainer over the real broker: reads a study's trials, reports them running, per epoch and ended, with
 * metrics that follow from the parameters (recall rises with neurons1, precision falls with recall), so the
 * dashboard has a real trade-off and a Pareto front to show.
 */
final class PlayedWorker {

    static final Duration WAIT = Duration.ofSeconds(60);

    private final TopicProbe topics = new TopicProbe(LocalKafka.shared().bootstrapServers());
    private final String pool;

    PlayedWorker(String pool) {
        this.pool = pool;
    }

    /** Creates a study through the API from a YAML spec and returns its id. */
    static String create(String yaml) {
        return given().config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                        .encodeContentTypeAs("application/yaml", ContentType.TEXT)))
                .contentType("application/yaml").body(yaml).post("/api/studies").then().statusCode(201)
                .extract().path("id");
    }

    /** The study's first {@code count} trials, by number, once the optimizer has published them. */
    List<TrialMessage> trials(String studyId, int count) {
        List<TrialMessage> found = topics.read("hpo.trials." + pool, r -> r.key().startsWith(studyId + ".t"), count, WAIT)
                .stream().map(r -> MessageCodec.decodeTrial(r.value()))
                .sorted(Comparator.comparingInt(TrialMessage::number)).toList();
        assertThat(found).as("trials of " + studyId).hasSize(count);
        return found;
    }

    /** The study's final refit trial, once published. */
    TrialMessage refit(String studyId) {
        return topics.read("hpo.trials." + pool, r -> r.key().equals(studyId + ".refit"), 1, WAIT).stream()
                .map(r -> MessageCodec.decodeTrial(r.value())).findFirst().orElseThrow();
    }

    /**
     * Reports the trial running until the optimizer shows it so: the optimizer reads progress from the latest
     * offset, so a record sent before its consumer joined would be lost.
     */
    void running(TrialMessage t, String worker) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            send(ProgressMessage.running(t.studyId(), t.trialId(), t.attempt(), worker, Instant.now()));
            assertThat(given().get("/api/studies/" + t.studyId() + "/trials").then().extract()
                    .<String>path("find { it.trialId == '" + t.trialId() + "' }.status")).isEqualTo("RUNNING");
        });
    }

    /** Reports epochs 1..{@code epochs} with a falling loss and a rising recall. */
    void epochs(TrialMessage t, String worker, int epochs) {
        for (int e = 1; e <= epochs; e++) {
            send(ProgressMessage.epoch(t.studyId(), t.trialId(), t.attempt(), worker, e,
                    Map.of("train_loss", 0.7 / e + 0.1, "val_loss", 0.75 / e + 0.15, "val_recall", 0.9 - 0.4 / e),
                    Instant.now()));
        }
    }

    /** Publishes a COMPLETED result with {@link #metricsFor} and returns those metrics. */
    Map<String, Double> complete(TrialMessage t, String worker) {
        Map<String, Double> metrics = metricsFor(t);
        send(ResultMessage.of(t.studyId(), t.trialId(), t.attempt(), TrialStatus.COMPLETED, metrics,
                20 + 3 * t.number(), 4_000L + 850L * t.number(), worker, "cpu", null));
        return metrics;
    }

    void fail(TrialMessage t, String worker, String error) {
        send(ResultMessage.of(t.studyId(), t.trialId(), t.attempt(), TrialStatus.FAILED, Map.of(), 2, 900, worker,
                "cpu", error));
    }

    /** Completes a final refit with test metrics and a saved model. */
    void completeRefit(TrialMessage refit, Map<String, Double> testMetrics) {
        send(ResultMessage.of(refit.studyId(), refit.trialId(), refit.attempt(), TrialStatus.COMPLETED, testMetrics,
                40, 21_000, "trainer-1", "cpu", null).withArtifact("/artifacts/" + refit.studyId() + "/model.zip"));
    }

    /** Metrics that follow from the parameters: recall rises with neurons1 and falls with dropout; precision trades off. */
    static Map<String, Double> metricsFor(TrialMessage t) {
        double neurons = number(t.params().get("neurons1"), 40);
        double dropout = number(t.params().get("dropout_rate1"), 0.2);
        double wobble = ((t.number() * 37) % 11) / 100.0;
        double recall = round(Math.min(0.98, 0.52 + 0.34 * (neurons - 20) / 40 - 0.12 * dropout + wobble));
        double precision = round(Math.max(0.05, 0.96 - 0.62 * recall + ((t.number() * 53) % 7) / 100.0));
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("val_recall", recall);
        m.put("val_precision", precision);
        m.put("val_accuracy", round(0.80 + 0.15 * precision));
        m.put("val_auc", round(0.85 + 0.1 * recall));
        m.put("val_f1", round(2 * recall * precision / (recall + precision)));
        m.put("train_loss", round(0.45 - 0.2 * recall));
        return m;
    }

    private static double number(Object v, double absent) {
        return v instanceof Number n ? n.doubleValue() : absent;
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }

    private void send(Object message) {
        String studyId = message instanceof ResultMessage r ? r.studyId() : ((ProgressMessage) message).studyId();
        topics.send(message instanceof ResultMessage ? "hpo.results" : "hpo.progress", studyId, Json.write(message));
    }
}
