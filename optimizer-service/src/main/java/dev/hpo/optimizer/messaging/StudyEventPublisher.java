package dev.hpo.optimizer.messaging;

import dev.hpo.common.message.MessageCodec;
import dev.hpo.common.message.StudyEvent;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Appends study lifecycle events to {@code hpo.studies}, keyed by studyId. */
@ApplicationScoped
public class StudyEventPublisher {

    @Inject
    @Channel("studies")
    Emitter<byte[]> emitter;

    public void publish(StudyEvent event) {
        emitter.send(Message.of(MessageCodec.encode(event)).addMetadata(
                OutgoingKafkaRecordMetadata.<String>builder().withKey(event.studyId()).build()));
    }
}
