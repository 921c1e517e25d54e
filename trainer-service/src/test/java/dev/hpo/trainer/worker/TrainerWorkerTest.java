package dev.hpo.trainer.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.common.json.Json;
import dev.hpo.common.message.MessageCodec;
import dev.hpo.common.message.ProgressMessage;
import dev.hpo.common.message.ProgressState;
import dev.hpo.common.message.ResultMessage;
import dev.hpo.common.message.TrialMessage;
import dev.hpo.common.message.TrialStatus;
import dev.hpo.common.study.Direction;
import dev.hpo.common.study.Objective;
import dev.hpo.localkafka.LocalKafka;
import dev.hpo.localkafka.quarkus.LocalKafkaTestResource;
import dev.hpo.localkafka.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The trainer as a whole against a real broker: trials in through the share group, progress and results out. */
@QuarkusTest
@QuarkusTestResource(LocalKafkaTestResource.class)
class TrainerWorkerTest {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final TopicProbe TOPICS = new TopicProbe(LocalKafka.shared().bootstrapServers());

    @Test
    void trainsATrialAndPublishesRunningEpochsAndACompletedResult() {
        TrialMessage trial = trial("ok", Map.of("neurons1", 20, "neurons2", 10, "dropout_rate1", 0.1,
                "dropout_rate2", 0.0, "optimizer", "adam", "learning_rate", 0.01, "batch_size", 32, "epochs", 3));
        send("hpo.trials.dl4j", trial.trialId(), MessageCodec.encode(trial));

        ResultMessage result = MessageCodec.decodeResult(read("hpo.results", r -> trial.trialId().equals(
                MessageCodec.decodeResult(r.value()).trialId())).value());
        assertThat(result.status()).isEqualTo(TrialStatus.COMPLETED);
        assertThat(result.epochs()).isBetween(1, 3);
        assertThat(result.device()).isEqualTo("cpu");
        assertThat(result.metrics()).containsKeys("val_recall", "val_precision", "val_accuracy", "val_auc", "val_f1",
                "train_loss");
        assertThat(result.metrics().get("val_recall")).isBetween(0.0, 1.0);
        assertThat(result.metrics().get("val_auc")).isBetween(0.0, 1.0);

        List<ProgressMessage> progress = readAll("hpo.progress", r -> trial.trialId().equals(r.key() == null ? null
                : MessageCodec.decodeProgress(r.value()).trialId()), 1 + result.epochs()).stream()
                .map(r -> MessageCodec.decodeProgress(r.value())).toList();
        assertThat(progress.get(0).state()).isEqualTo(ProgressState.RUNNING);
        assertThat(progress.subList(1, progress.size())).extracting(ProgressMessage::epoch)
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, result.epochs()).boxed().toList());
    }

    @Test
    void aTrialWithABadParameterIsReportedFailedWithItsReason() {
        TrialMessage trial = trial("bad", Map.of("neurons1", 20, "neurons2", 10, "optimizer", "quantum",
                "learning_rate", 0.01, "batch_size", 32, "epochs", 2));
        send("hpo.trials.dl4j", trial.trialId(), MessageCodec.encode(trial));

        ResultMessage result = MessageCodec.decodeResult(read("hpo.results", r -> trial.trialId().equals(
                MessageCodec.decodeResult(r.value()).trialId())).value());
        assertThat(result.status()).isEqualTo(TrialStatus.FAILED);
        assertThat(result.error()).contains("optimizer").contains("quantum");
    }

    @Test
    void aTrialPastItsTimeLimitIsStoppedAndReportedFailed() {
        TrialMessage trial = trial("slow", Map.of("neurons1", 20, "neurons2", 10, "optimizer", "adam",
                "learning_rate", 0.001, "batch_size", 16, "epochs", 500), 1);
        send("hpo.trials.dl4j", trial.trialId(), MessageCodec.encode(trial));

        ResultMessage result = resultOf(trial);
        assertThat(result.status()).isEqualTo(TrialStatus.FAILED);
        assertThat(result.error()).isEqualTo("time limit of 1 s exceeded");
        assertThat(result.epochs()).isLessThan(500);
    }

    @Test
    void aStopOnTheControlTopicEndsTheRunningTrialAsPruned() {
        TrialMessage trial = trial("stopped", Map.of("neurons1", 20, "neurons2", 10, "optimizer", "adam",
                "learning_rate", 0.001, "batch_size", 16, "epochs", 500), 0);
        send("hpo.trials.dl4j", trial.trialId(), MessageCodec.encode(trial));
        assertThat(readAll("hpo.progress", r -> trial.trialId().equals(MessageCodec.decodeProgress(r.value()).trialId()),
                2)).as("the trial runs and has trained an epoch").hasSize(2);

        send("hpo.control", trial.trialId(), MessageCodec.encode(dev.hpo.common.message.ControlMessage.stop(
                trial.studyId(), trial.trialId(), "pruned by the test", Instant.now())));

        ResultMessage result = resultOf(trial);
        assertThat(result.status()).isEqualTo(TrialStatus.PRUNED);
        assertThat(result.error()).isEqualTo("pruned by the test");
        assertThat(result.epochs()).isBetween(1, 499);
    }

    @Test
    void aTrialStoppedBeforeItIsTakenIsReportedPrunedWithTheStopsReasonWithoutTraining() {
        TrialMessage trial = trial("stopped-early", Map.of("neurons1", 20, "neurons2", 10, "optimizer", "adam",
                "learning_rate", 0.01, "batch_size", 32, "epochs", 3));
        send("hpo.control", trial.trialId(), MessageCodec.encode(dev.hpo.common.message.ControlMessage.stop(
                trial.studyId(), trial.trialId(), "study stopped: by the test", Instant.now())));
        send("hpo.trials.dl4j", trial.trialId(), MessageCodec.encode(trial));

        ResultMessage result = resultOf(trial);
        assertThat(result.status()).isEqualTo(TrialStatus.PRUNED);
        assertThat(result.error()).isEqualTo("study stopped: by the test");
        assertThat(result.epochs()).isZero();
        assertThat(result.metrics()).isEmpty();
        assertThat(TOPICS.read("hpo.progress", r -> trial.trialId().equals(
                MessageCodec.decodeProgress(r.value()).trialId()), 1, Duration.ofSeconds(3)))
                .as("no RUNNING, no epoch: not trained").isEmpty();
    }

    @Test
    void aTrialAskingToHaltTheWorkerIsRefusedByAWorkerWithoutFaultInjection() {
        TrialMessage asked = trial("faults", Map.of("neurons1", 20, "neurons2", 10, "optimizer", "adam",
                "learning_rate", 0.01, "batch_size", 32, "epochs", 2));
        asked.trainer().putObject("faults").putArray("haltOnTrials").add(asked.number());
        send("hpo.trials.dl4j", asked.trialId(), MessageCodec.encode(asked));

        ResultMessage result = resultOf(asked);
        assertThat(result.status()).isEqualTo(TrialStatus.FAILED);
        assertThat(result.error()).contains("trainer.faults").contains("hpo.worker.fault-injection=false");
        assertThat(result.epochs()).isZero();
    }

    @Test
    void anUnreadableTrialGoesToTheDeadLetterTopic() {
        String key = "garbage-" + java.util.UUID.randomUUID();
        send("hpo.trials.dl4j", key, "{\"schema\": \"hpo.trial/v1\", \"studyId\": 5".getBytes(StandardCharsets.UTF_8));

        ConsumerRecord<String, byte[]> dead = read("hpo.dlq", r -> key.equals(r.key()));
        assertThat(new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                .startsWith("not valid JSON");
        assertThat(new String(dead.headers().lastHeader("dead-letter-topic").value(), StandardCharsets.UTF_8))
                .isEqualTo("hpo.trials.dl4j");
    }

    private static ResultMessage resultOf(TrialMessage trial) {
        return MessageCodec.decodeResult(read("hpo.results", r -> trial.trialId().equals(
                MessageCodec.decodeResult(r.value()).trialId())).value());
    }

    private static TrialMessage trial(String name, Map<String, Object> params) {
        return trial(name, params, 0);
    }

    /** @param timeLimitSeconds 0 for the worker's default */
    private static TrialMessage trial(String name, Map<String, Object> params, int timeLimitSeconds) {
        ObjectNode trainer = Json.mapper().createObjectNode().put("model", "fraud-mlp").put("seed", 11);
        if (timeLimitSeconds > 0) {
            trainer.put("timeLimitSeconds", timeLimitSeconds);
        }
        trainer.putObject("dataset").put("type", "synthetic-fraud").put("rows", 600).put("features", 8)
                .put("positiveRate", 0.2).put("seed", 3);
        if (!Integer.valueOf(500).equals(params.get("epochs"))) {
            trainer.putObject("earlyStopping").put("patience", 5);
        }
        String study = "worker-test-" + name;
        return TrialMessage.of(study, study + ".t0", 0, 1, params, new Objective("val_recall", Direction.MAXIMIZE),
                trainer, Instant.now());
    }

    private static void send(String topic, String key, byte[] value) {
        TOPICS.send(topic, key, value);
    }

    private static ConsumerRecord<String, byte[]> read(String topic, Predicate<ConsumerRecord<String, byte[]>> match) {
        List<ConsumerRecord<String, byte[]>> found = readAll(topic, match, 1);
        assertThat(found).as("a matching record on " + topic).isNotEmpty();
        return found.get(0);
    }

    private static List<ConsumerRecord<String, byte[]>> readAll(String topic,
                                                               Predicate<ConsumerRecord<String, byte[]>> match,
                                                               int count) {
        return TOPICS.read(topic, match, count, WAIT);
    }

}
