package dev.hpo.optimizer.messaging;

import dev.hpo.common.message.MessageCodec;
import dev.hpo.common.message.TrialMessage;
import dev.hpo.common.message.TrialTopics;
import dev.hpo.optimizer.recovery.StudyOwnership;
import dev.hpo.optimizer.recovery.TopicSetup;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Publishes trials to {@code hpo.trials.<pool>}, keyed by trialId. The first trial of a pool creates its topic
 * as {@link TopicSetup} wants it (one partition, see {@link dev.hpo.common.message.TrialTopics}), rather than leaving it to the broker's auto-creation.
 */
@ApplicationScoped
public class TrialPublisher {

    private static final Logger LOG = Logger.getLogger(TrialPublisher.class);

    @Inject
    @Channel("trials")
    Emitter<byte[]> emitter;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Inject
    StudyOwnership ownership;

    private final Set<String> preparedPools = ConcurrentHashMap.newKeySet();
    /** Trials handed to the producer and not yet acknowledged by Kafka (or failed). */
    private final AtomicInteger unsent = new AtomicInteger();

    /** Called on worker threads only (REST, the blocking consumers, recovery): it may wait on the broker. */
    public void publish(String pool, TrialMessage trial) {
        if (preparedPools.add(pool)) {
            TopicSetup.ensureTrialTopic(kafkaConfig, pool);
        }
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(Topics.trials(pool)).withKey(trial.trialId())
                .withHeaders(new RecordHeaders().add(TrialTopics.REPLICA_HEADER,
                        ownership.replica().getBytes(StandardCharsets.UTF_8)))
                .build();
        unsent.incrementAndGet();
        emitter.send(Message.of(MessageCodec.encode(trial)).addMetadata(metadata)
                .withAck(() -> {
                    sent();
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(e -> {
                    sent();
                    LOG.errorf(e, "could not publish trial %s to %s", trial.trialId(), Topics.trials(pool));
                    return CompletableFuture.completedFuture(null);
                }));
    }

    private void sent() {
        synchronized (unsent) {
            if (unsent.decrementAndGet() == 0) {
                unsent.notifyAll();
            }
        }
    }

    /**
     * Waits until every trial published so far is acknowledged by Kafka (or failed), at most {@code timeout}; false
     * if some are still on their way then.
     */
    public boolean awaitSent(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (unsent) {
            while (unsent.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(unsent, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }
}
