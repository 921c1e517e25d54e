package dev.hpo.optimizer.messaging;

import dev.hpo.common.message.ControlMessage;
import dev.hpo.common.message.MessageCodec;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Asks the workers to stop trials, on {@code hpo.control} keyed by trialId. */
@ApplicationScoped
public class ControlPublisher {

    @Inject
    @Channel("control")
    Emitter<byte[]> emitter;

    public void publish(ControlMessage control) {
        emitter.send(Message.of(MessageCodec.encode(control)).addMetadata(
                OutgoingKafkaRecordMetadata.<String>builder().withKey(control.trialId()).build()));
    }
}
