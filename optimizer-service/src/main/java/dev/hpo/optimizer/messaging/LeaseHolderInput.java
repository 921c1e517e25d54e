package dev.hpo.optimizer.messaging;

import dev.hpo.common.message.InvalidMessageException;
import dev.hpo.optimizer.recovery.OptimizerLease;
import dev.hpo.optimizer.study.UnknownStudyException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Applies a record of one of the optimizer's input topics on the replica that drives the studies, and only there:
 * a standby acks without applying, since the replica that takes the lease replays the topics itself. A record that
 * is not valid, or names an unknown study, is nacked (to {@code hpo.dlq}) with the reason and counted.
 */
@ApplicationScoped
public class LeaseHolderInput {

    private static final Logger LOG = Logger.getLogger(LeaseHolderInput.class);

    private final BooleanSupplier drives;
    private final RejectedMessages rejected;

    @Inject
    LeaseHolderInput(OptimizerLease lease, RejectedMessages rejected) {
        this(lease::held, rejected);
    }

    LeaseHolderInput(BooleanSupplier drives, RejectedMessages rejected) {
        this.drives = drives;
        this.rejected = rejected;
    }

    /** Hands the record's payload to {@code apply} when this replica drives the studies; acks or nacks it. */
    public CompletionStage<Void> consume(String topic, Message<byte[]> record, Consumer<byte[]> apply) {
        if (!drives.getAsBoolean()) {
            return record.ack();
        }
        try {
            apply.accept(record.getPayload());
            return record.ack();
        } catch (InvalidMessageException | UnknownStudyException e) {
            LOG.warnf("rejected a record on %s: %s", topic, e.getMessage());
            rejected.count(topic, e);
            return record.nack(e);
        }
    }
}
