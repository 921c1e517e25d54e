package dev.hpo.optimizer.messaging;

import dev.hpo.common.message.MessageCodec;
import dev.hpo.common.message.TrialMessage;
import dev.hpo.optimizer.recovery.TopicSetup;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
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

    private final Set<String> preparedPools = ConcurrentHashMap.newKeySet();

    /** Called on worker threads only (REST, the blocking consumers, recovery): it may wait on the broker. */
    public void publish(String pool, TrialMessage trial) {
        if (preparedPools.add(pool)) {
            TopicSetup.ensureTrialTopic(kafkaConfig, pool);
        }
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(Topics.trials(pool)).withKey(trial.trialId()).build();
        emitter.send(Message.of(MessageCodec.encode(trial)).addMetadata(metadata)
                .withAck(() -> CompletableFuture.completedFuture(null))
                .withNack(e -> {
                    LOG.errorf(e, "could not publish trial %s to %s", trial.trialId(), Topics.trials(pool));
                    return CompletableFuture.completedFuture(null);
                }));
    }
}
