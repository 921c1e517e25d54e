package dev.hpo.optimizer.messaging;

import dev.hpo.common.message.InvalidMessageException;
import dev.hpo.common.message.MessageCodec;
import dev.hpo.optimizer.recovery.OptimizerLease;
import dev.hpo.optimizer.study.StudyService;
import dev.hpo.optimizer.study.UnknownStudyException;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Reads {@code hpo.results} and folds each result into its study; a record that is not a valid
 * {@code hpo.result/v1} for a known study is nacked, which sends it to {@code hpo.dlq} with the reason.
 */
@ApplicationScoped
public class ResultConsumer {

    private static final Logger LOG = Logger.getLogger(ResultConsumer.class);

    @Inject
    StudyService studies;

    @Inject
    RejectedMessages rejected;

    @Inject
    OptimizerLease lease;

    @Incoming("results")
    @Blocking
    public CompletionStage<Void> consume(Message<byte[]> record) {
        if (!lease.held()) {
            // A standby drives no study; the replica that takes the lease replays this topic from the start.
            return record.ack();
        }
        try {
            studies.onResult(MessageCodec.decodeResult(record.getPayload()));
            return record.ack();
        } catch (InvalidMessageException | UnknownStudyException e) {
            LOG.warnf("rejected a record on %s: %s", Topics.RESULTS, e.getMessage());
            rejected.count(Topics.RESULTS, e);
            return record.nack(e);
        }
    }
}
