package dev.hpo.optimizer.messaging;

import dev.hpo.common.message.InvalidMessageException;
import dev.hpo.optimizer.study.UnknownStudyException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Applies a record of one of the optimizer's input topics (the study service skips those of studies another
 * replica owns) and acks it; a record that is not valid, or names an unknown study of a partition owned here, is
 * nacked (to {@code hpo.dlq}) with the reason and counted.
 */
@ApplicationScoped
public class StudyInput {

    private static final Logger LOG = Logger.getLogger(StudyInput.class);

    private final RejectedMessages rejected;

    @Inject
    StudyInput(RejectedMessages rejected) {
        this.rejected = rejected;
    }

    /** Hands the record's payload to {@code apply}; acks or nacks it. */
    public CompletionStage<Void> consume(String topic, Message<byte[]> record, Consumer<byte[]> apply) {
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
