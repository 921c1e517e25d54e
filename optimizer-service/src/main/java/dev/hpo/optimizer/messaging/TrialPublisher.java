package dev.hpo.optimizer.messaging;

import dev.hpo.common.message.MessageCodec;
import dev.hpo.common.message.TrialMessage;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/** Publishes trials to {@code hpo.trials.<pool>}, keyed by trialId. */
@ApplicationScoped
public class TrialPublisher {

    private static final Logger LOG = Logger.getLogger(TrialPublisher.class);

    @Inject
    @Channel("trials")
    Emitter<byte[]> emitter;

    public void publish(String pool, TrialMessage trial) {
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
