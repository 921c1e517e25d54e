package dev.hpo.optimizer.messaging;

import dev.hpo.common.message.InvalidMessageException;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Counts records sent to the dead-letter topic as {@code hpo_messages_rejected_total}; the reason label is
 * the kind of failure (invalid message or unknown study), never the free text, to keep cardinality bounded.
 */
@ApplicationScoped
public class RejectedMessages {

    @Inject
    MeterRegistry registry;

    public void count(String topic, RuntimeException cause) {
        String reason = cause instanceof InvalidMessageException ? "invalid" : "unknown_study";
        registry.counter("hpo.messages.rejected", "topic", topic, "reason", reason).increment();
    }
}
