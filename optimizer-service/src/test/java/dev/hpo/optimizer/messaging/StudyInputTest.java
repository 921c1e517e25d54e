package dev.hpo.optimizer.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpo.common.message.InvalidMessageException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

class StudyInputTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final StudyInput input = new StudyInput(rejected(registry));
    private final List<String> applied = new ArrayList<>();
    private final List<String> outcomes = new ArrayList<>();

    @Test
    void aValidRecordIsAppliedAndAcked() {
        input.consume(Topics.PROGRESS, record("p1"), p -> applied.add(text(p)));

        assertThat(applied).containsExactly("p1");
        assertThat(outcomes).containsExactly("ack");
    }

    @Test
    void anInvalidRecordIsNackedWithItsReasonAndCounted() {
        input.consume(Topics.RESULTS, record("bad"), p -> {
            throw new InvalidMessageException("schema must be hpo.result/v1");
        });

        assertThat(outcomes).containsExactly("nack: schema must be hpo.result/v1");
        assertThat(registry.counter("hpo.messages.rejected", "topic", Topics.RESULTS, "reason", "invalid").count())
                .isEqualTo(1.0);
    }

    private Message<byte[]> record(String payload) {
        return Message.of(payload.getBytes(StandardCharsets.UTF_8), () -> {
            outcomes.add("ack");
            return CompletableFuture.completedFuture(null);
        }, e -> {
            outcomes.add("nack: " + e.getMessage());
            return CompletableFuture.completedFuture(null);
        });
    }

    private static String text(byte[] payload) {
        return new String(payload, StandardCharsets.UTF_8);
    }

    private static RejectedMessages rejected(SimpleMeterRegistry registry) {
        RejectedMessages rejected = new RejectedMessages();
        rejected.registry = registry;
        return rejected;
    }
}
