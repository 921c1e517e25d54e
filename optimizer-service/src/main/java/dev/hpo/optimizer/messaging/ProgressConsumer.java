package dev.hpo.optimizer.messaging;

import dev.hpo.common.message.MessageCodec;
import dev.hpo.optimizer.study.StudyService;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Reads {@code hpo.progress}: a RUNNING event moves a trial from queued to running. Invalid records go to
 * {@code hpo.dlq}; progress of unknown studies is ignored (it is advisory, unlike a result).
 */
@ApplicationScoped
public class ProgressConsumer {

    @Inject
    StudyService studies;

    @Inject
    StudyInput input;

    @Incoming("progress")
    @Blocking
    public CompletionStage<Void> consume(Message<byte[]> record) {
        return input.consume(Topics.PROGRESS, record,
                payload -> studies.onProgress(MessageCodec.decodeProgress(payload)));
    }
}
