package dev.hpo.optimizer.messaging;

import dev.hpo.common.message.MessageCodec;
import dev.hpo.common.message.StudyEvent;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
        send(event, new CompletableFuture<>());
    }

    /**
     * Publishes and waits for the broker's acknowledgement: a study is created only once its log entry is
     * safe, or a crash right after the 201 would lose it.
     */
    public void publishAndWait(StudyEvent event) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        send(event, acked);
        try {
            acked.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not log study " + event.studyId() + " on hpo.studies: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while logging study " + event.studyId(), e);
        }
    }

    private void send(StudyEvent event, CompletableFuture<Void> acked) {
        emitter.send(Message.of(MessageCodec.encode(event)).addMetadata(
                        OutgoingKafkaRecordMetadata.<String>builder().withKey(event.studyId()).build())
                .withAck(() -> {
                    acked.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(e -> {
                    acked.completeExceptionally(e);
                    return CompletableFuture.completedFuture(null);
                }));
    }
}
