package dev.hpo.trainer.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.common.json.Json;
import dev.hpo.common.message.MessageCodec;
import dev.hpo.common.message.ResultMessage;
import dev.hpo.common.message.TrialMessage;
import dev.hpo.common.message.TrialStatus;
import dev.hpo.common.study.Direction;
import dev.hpo.common.study.Objective;
import dev.hpo.localkafka.LocalKafka;
import dev.hpo.localkafka.TopicProbe;
import dev.hpo.trainer.messaging.ShareGroups;
import dev.hpo.trainer.messaging.TrialQueue;
import dev.hpo.trainer.messaging.WorkerPublisher;
import dev.hpo.trainer.training.DatasetCache;
import dev.hpo.trainer.training.TrialRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A trial that no taker finishes is given up at the worker's delivery limit, on a real broker: the first
 * taker here releases it as a trainer shutting down does, and the worker, with a limit of 2, gets delivery 2.
 */
class DeliveryLimitTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void aTrialDeliveredAtTheLimitIsReportedFailedWithoutTraining(@TempDir Path artifacts) throws Exception {
        String bootstrap = LocalKafka.shared().bootstrapServers();
        Map<String, Object> kafka = Map.of("bootstrap.servers", bootstrap);
        String pool = "limit-test-" + UUID.randomUUID();
        String topic = ShareGroups.topic(pool);
        String group = ShareGroups.forPool(pool);
        ShareGroups.prepare(kafka, pool);
        TrialMessage trial = trial(pool);
        TopicProbe probe = new TopicProbe(bootstrap);
        probe.send(topic, trial.trialId(), MessageCodec.encode(trial));

        try (TrialQueue first = new TrialQueue(kafka, group, topic)) {
            Optional<ConsumerRecord<String, byte[]>> taken = Optional.empty();
            Instant deadline = Instant.now().plus(WAIT);
            while (taken.isEmpty() && Instant.now().isBefore(deadline)) {
                taken = first.take(Duration.ofMillis(500));
            }
            assertThat(taken).as("the first delivery").isPresent();
            assertThat(taken.get().deliveryCount()).contains((short) 1);
            first.release(taken.get());
        }

        TrialQueue queue = new TrialQueue(kafka, group, topic);
        WorkerPublisher publisher = new WorkerPublisher(kafka);
        TrialWorker worker = new TrialWorker(queue, publisher, new TrialRunner(new DatasetCache()),
                new WorkerSettings("limit-worker", Duration.ofSeconds(10), Duration.ofHours(1), 2, false),
                new Artifacts(artifacts), trialId -> Optional.empty());
        Thread thread = new Thread(worker, "limit-worker");
        thread.start();
        try {
            List<ConsumerRecord<String, byte[]>> results = probe.read(WorkerPublisher.RESULTS,
                    r -> trial.studyId().equals(r.key()), 1, WAIT);
            assertThat(results).as("a result for the trial").hasSize(1);
            ResultMessage result = MessageCodec.decodeResult(results.get(0).value());
            assertThat(result.status()).isEqualTo(TrialStatus.FAILED);
            assertThat(result.error()).startsWith("given up at delivery 2 (hpo.worker.delivery-limit)");
            assertThat(result.epochs()).as("not trained").isZero();
            assertThat(result.worker()).isEqualTo("limit-worker");
        } finally {
            worker.stop();
            thread.join(WAIT.toMillis());
            queue.close();
            publisher.close();
        }
    }

    /** A trial that would train for a long time if it were trained at all. */
    private static TrialMessage trial(String pool) {
        ObjectNode trainer = Json.mapper().createObjectNode().put("model", "fraud-mlp");
        trainer.putObject("dataset").put("type", "synthetic-fraud").put("rows", 600).put("features", 8)
                .put("positiveRate", 0.2).put("seed", 3);
        String study = "study-" + pool;
        return TrialMessage.of(study, study + ".t0", 0, 1, Map.of("epochs", 500, "batch_size", 16),
                new Objective("val_recall", Direction.MAXIMIZE), trainer, Instant.now());
    }
}
