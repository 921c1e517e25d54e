package dev.hpo.trainer.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpo.common.message.ControlMessage;
import dev.hpo.common.message.MessageCodec;
import dev.hpo.localkafka.LocalKafka;
import dev.hpo.localkafka.TopicProbe;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** What a trainer learns from {@code hpo.control}, on a real broker. */
class ControlListenerTest {

    private final String bootstrap = LocalKafka.shared().bootstrapServers();
    private final TopicProbe topics = new TopicProbe(bootstrap);

    @Test
    void aTrainerStartedAfterAStopKnowsItAndAStopPublishedJustBeforeALookup() throws InterruptedException {
        String study = "control-test-" + UUID.randomUUID();
        stop(study, study + ".t0", "study stopped: before the trainer started");
        List<String> handed = new CopyOnWriteArrayList<>();
        ControlListener listener = new ControlListener(Map.of("bootstrap.servers", bootstrap), "control-test",
                (trialId, reason) -> handed.add(trialId + ": " + reason));
        Thread thread = new Thread(listener, "control-test");
        thread.start();
        try {
            assertThat(listener.reasonFor(study + ".t0")).contains("study stopped: before the trainer started");

            stop(study, study + ".t1", "pruned: below the median");

            assertThat(listener.reasonFor(study + ".t1")).as("published before the lookup, read by it")
                    .contains("pruned: below the median");
            assertThat(listener.reasonFor(study + ".t2")).as("never stopped").isEmpty();
            assertThat(handed).contains(study + ".t0: study stopped: before the trainer started",
                    study + ".t1: pruned: below the median");
        } finally {
            listener.close();
            thread.join(10_000);
        }
        assertThat(thread.isAlive()).as("closed").isFalse();
    }

    private void stop(String study, String trialId, String reason) {
        topics.send(ControlListener.TOPIC, trialId,
                MessageCodec.encode(ControlMessage.stop(study, trialId, reason, Instant.now())));
    }
}
