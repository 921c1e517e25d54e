package dev.hpo.optimizer.messaging;

import dev.hpo.common.message.InvalidMessageException;
import dev.hpo.common.message.MessageCodec;
import dev.hpo.optimizer.recovery.OptimizerLease;
import dev.hpo.optimizer.study.StudyService;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Reads {@code hpo.progress}: a RUNNING event moves a trial from queued to running. Invalid records go to
 * {@code hpo.dlq}; progress of unknown studies is ignored (it is advisory, unlike a result).
 */
@ApplicationScoped
public class ProgressConsumer {

    private static final Logger LOG = Logger.getLogger(ProgressConsumer.class);

    @Inject
    StudyService studies;

    @Inject
    RejectedMessages rejected;

    @Inject
    OptimizerLease lease;

    @Incoming("progress")
    @Blocking
    public CompletionStage<Void> consume(Message<byte[]> record) {
        if (!lease.held()) {
            // A standby drives no study.
            return record.ack();
        }
        try {
            studies.onProgress(MessageCodec.decodeProgress(record.getPayload()));
            return record.ack();
        } catch (InvalidMessageException e) {
            LOG.warnf("rejected a record on %s: %s", Topics.PROGRESS, e.getMessage());
            rejected.count(Topics.PROGRESS, e);
            return record.nack(e);
        }
    }
}
