package dev.hpo.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpo.cli.bench.LoadBench;
import dev.hpo.cli.local.RepoHome;
import dev.hpo.common.json.Json;
import dev.hpo.common.message.PartitionRanges;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code ./hpo bench load} small: the real broker, two packaged optimizer replicas sharing the partitions and 20
 * stub workers on the trainers' share group; checks the audit and that every figure is there and consistent, never
 * a timing.
 */
class LoadBenchIT {

    private static final int STUDIES = 4;
    private static final int TRIALS = 6;

    @Test
    void threeConcurrentStudiesFinishWithEveryTrialIssuedAndCompletedExactlyOnce() throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);

        int exit = LoadBench.run(new String[] {"--studies", "" + STUDIES, "--trials", "" + TRIALS, "--workers", "20",
            "--replicas", "2", "--initial-points", "2", "--json"}, RepoHome.locate(), out);

        String output = buffer.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(output).isZero();
        JsonNode figures = Json.mapper().readTree(output.lines().filter(l -> l.startsWith("{"))
                .reduce((a, b) -> b).orElseThrow());
        JsonNode audit = figures.path("audit");
        int total = STUDIES * TRIALS;
        assertThat(audit.path("issued").asInt()).isEqualTo(total);
        assertThat(audit.path("completed").asInt()).isEqualTo(total);
        assertThat(audit.path("lost").asInt()).isZero();
        assertThat(audit.path("completedTwice").asInt()).isZero();
        assertThat(audit.path("resultsCountedTwice").asInt()).isZero();
        assertThat(audit.path("studiesFinishedExact").asInt()).isEqualTo(STUDIES);

        assertThat(figures.path("suggestions").asInt()).isEqualTo(total);
        assertThat(figures.path("suggestionsPerSecond").asDouble()).isPositive();
        // Every result but each study's last is followed by its study's next trial.
        assertThat(figures.path("resultToNextTrialMs").path("samples").asInt()).isEqualTo(total - STUDIES);
        assertThat(figures.path("resultToNextTrialMs").path("p99").asLong())
                .isGreaterThanOrEqualTo(figures.path("resultToNextTrialMs").path("p50").asLong())
                .isGreaterThanOrEqualTo(0);
        assertThat(figures.path("suggestMs").asDouble()).isPositive();
        assertThat(figures.path("cpuMsPerSuggestion").asDouble()).isPositive();
        assertThat(figures.path("stubIdleFraction").asDouble()).isBetween(0.0, 1.0);
        // The studies are created round robin, and each replica drives those it created: two each.
        JsonNode replicas = figures.path("perReplica");
        assertThat(replicas.size()).as(figures.toString()).isEqualTo(2);
        java.util.Set<Integer> partitions = new java.util.TreeSet<>();
        for (String name : List.of("optimizer", "optimizer-2")) {
            JsonNode r = replicas.path(name);
            assertThat(r.path("suggestions").asInt()).as(figures.toString()).isEqualTo(total / 2);
            assertThat(r.path("studies").asInt()).isEqualTo(STUDIES / 2);
            assertThat(r.path("peakRunningStudies").asInt()).isBetween(1, STUDIES / 2);
            java.util.Set<Integer> own = PartitionRanges.parse(r.path("partitions").asText());
            assertThat(own).as("%s owns some partitions", name).isNotEmpty();
            assertThat(java.util.Collections.disjoint(own, partitions)).as("%s owns none of the other's", name)
                    .isTrue();
            partitions.addAll(own);
        }
        assertThat(partitions).as("every partition owned").hasSize(12);
        assertThat(output).contains("trials issued").contains("results counted twice");
    }
}
