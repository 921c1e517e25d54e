package dev.hpo.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpo.cli.bench.RecoveryBench;
import dev.hpo.cli.local.RepoHome;
import dev.hpo.common.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * {@code ./hpo bench recovery} small: a history written straight to the real broker, the packaged optimizer
 * restarted on it, then a second replica and a SIGKILL of the first; checks what each replay read (counted, not
 * timed) and that every study came back.
 */
class RecoveryBenchIT {

    private static final int FINISHED = 20;
    private static final int LIVE = 3;
    private static final int TRIALS = 6;

    @Test
    void aReplicaRecoversEveryStudyOfTheHistoryAndTheOtherTakesOverThePartitionsOfAKilledOne() throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);

        int exit = RecoveryBench.run(new String[] {"--finished", "" + FINISHED, "--live", "" + LIVE, "--trials",
            "" + TRIALS, "--json"}, RepoHome.locate(), out);

        String output = buffer.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(output).isZero();
        JsonNode f = Json.mapper().readTree(output.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b)
                .orElseThrow());
        // A finished study: its created and finished events, T trials and T results; a live one: T / 2 results,
        // one trial more in flight.
        int trials = FINISHED * TRIALS + LIVE * (TRIALS / 2 + 1);
        int results = FINISHED * TRIALS + LIVE * (TRIALS / 2);
        assertThat(f.path("historyRecords").asInt()).isEqualTo(trials + results + 2 * FINISHED + LIVE);
        assertThat(f.path("replayStudies").asInt()).as(output).isEqualTo(FINISHED + LIVE);
        assertThat(f.path("replayTrials").asInt()).isEqualTo(trials);
        assertThat(f.path("replayResults").asInt()).isEqualTo(results);
        assertThat(f.path("studiesListed").asInt()).isEqualTo(FINISHED + LIVE);
        // The second replica replays only the partitions it takes over.
        int moved = f.path("handedOverPartitions").asInt();
        assertThat(moved).isBetween(1, 11);
        assertThat(f.path("handoverReplayStudies").asInt()).isBetween(0, FINISHED + LIVE - 1);
        assertThat(f.path("handoverReplayResults").asInt()).isLessThan(results);
        assertThat(f.path("handoverSeconds").asDouble()).isPositive();
    }
}
