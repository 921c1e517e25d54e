package dev.hpo.trainer.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpo.localkafka.LocalKafka;
import dev.hpo.localkafka.TopicProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Two workers of one pool on a real broker, on the trial topic as the workers create it. */
class TrialQueueTest {

    @Test
    void whileOneWorkerHoldsATrialTheOtherWorkerTakesTheNextOneFromTheSamePartition() throws Exception {
        LocalKafka broker = LocalKafka.shared();
        String pool = "queue-test-" + UUID.randomUUID();
        String topic = ShareGroups.topic(pool);
        String group = ShareGroups.forPool(pool);
        Map<String, Object> kafka = Map.of("bootstrap.servers", broker.bootstrapServers());
        ShareGroups.prepare(kafka, pool);
        TopicProbe probe = new TopicProbe(broker.bootstrapServers());
        // The same key puts both in one partition: on a topic of several partitions that partition would belong
        // to one worker alone and the other would wait for nothing (checked: it then fails at "worker b").
        probe.send(topic, "same-key", "first");
        probe.send(topic, "same-key", "second");

        try (TrialQueue a = new TrialQueue(kafka, group, topic); TrialQueue b = new TrialQueue(kafka, group, topic)) {
            Optional<ConsumerRecord<String, byte[]>> heldByA = Optional.empty();
            Optional<ConsumerRecord<String, byte[]>> heldByB = Optional.empty();
            Instant deadline = Instant.now().plusSeconds(60);
            // Each does what TrialWorker does: take a trial, then renew its lock while it trains. A renewal also
            // gives back a record the consumer fetched ahead, which would otherwise wait out its lock.
            while ((heldByA.isEmpty() || heldByB.isEmpty()) && Instant.now().isBefore(deadline)) {
                heldByA = takeOrRenew(a, heldByA);
                heldByB = takeOrRenew(b, heldByB);
            }

            assertThat(heldByA).as("worker a got a trial").isPresent();
            assertThat(heldByB).as("worker b got a trial while a held its own").isPresent();
            assertThat(List.of(new String(heldByA.get().value(), StandardCharsets.UTF_8),
                    new String(heldByB.get().value(), StandardCharsets.UTF_8))).containsExactlyInAnyOrder("first", "second");
            a.accept(heldByA.get());
            b.accept(heldByB.get());
        }
    }

    private static Optional<ConsumerRecord<String, byte[]>> takeOrRenew(TrialQueue queue,
                                                                       Optional<ConsumerRecord<String, byte[]>> held) {
        if (held.isEmpty()) {
            return queue.take(Duration.ofMillis(300));
        }
        queue.renew(held.get());
        return held;
    }
}
