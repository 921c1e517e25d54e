package dev.hpo.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpo.cli.bench.TopicLog.IssuedTrial;
import dev.hpo.cli.bench.TopicLog.ReportedResult;
import dev.hpo.cli.bench.TrialFlow.ReplicaShare;
import dev.hpo.common.message.TrialStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrialFlowTest {

    private static IssuedTrial trial(String study, int number, int attempt, long at) {
        return trial(study, number, attempt, at, "optimizer");
    }

    private static IssuedTrial trial(String study, int number, int attempt, long at, String replica) {
        return new IssuedTrial(study, study + ".t" + number, number, attempt, at, replica);
    }

    private static ReportedResult result(String study, int number, long at) {
        return new ReportedResult(study, study + ".t" + number, 1, TrialStatus.COMPLETED, at);
    }

    @Test
    void eachResultIsTimedToTheNextTrialOfItsOwnStudy() {
        TopicLog log = new TopicLog(
                List.of(trial("a", 0, 1, 1000), trial("b", 0, 1, 1010), trial("b", 1, 1, 1100), trial("a", 1, 1, 1300)),
                List.of(result("a", 0, 1050), result("b", 0, 1090), result("a", 1, 1400), result("b", 1, 1500)), 0);

        TrialFlow flow = TrialFlow.of(log);

        assertThat(flow.latenciesMillis()).containsExactly(10L, 250L);
        assertThat(flow.latencyQuantile(0.5)).isEqualTo(10);
        assertThat(flow.latencyQuantile(0.99)).isEqualTo(250);
    }

    @Test
    void aReissueIsNoSuggestionAndTheRateSpansFirstIssues() {
        TopicLog log = new TopicLog(List.of(trial("a", 0, 1, 0), trial("a", 1, 1, 1000), trial("a", 0, 2, 3000),
                trial("a", 2, 1, 2000)), List.of(), 0);

        TrialFlow flow = TrialFlow.of(log);

        assertThat(flow.suggestions()).isEqualTo(3);
        assertThat(flow.spanMillis()).isEqualTo(2000);
        assertThat(flow.suggestionsPerSecond()).isEqualTo(1.5);
    }

    @Test
    void suggestionsGoToTheReplicaNamedInTheirRecordAndAReissueToNone() {
        TopicLog log = new TopicLog(List.of(trial("a", 0, 1, 100, "optimizer"), trial("b", 0, 1, 200, "optimizer-2"),
                trial("a", 1, 1, 600, "optimizer-2"), trial("b", 1, 1, 900, "optimizer-2"),
                trial("a", 0, 2, 950, "optimizer-2"), trial("c", 0, 1, 990, TopicLog.UNNAMED)), List.of(), 0);

        TrialFlow flow = TrialFlow.of(log);

        assertThat(flow.perReplica()).isEqualTo(Map.of("optimizer", new ReplicaShare(1, 1, 0),
                "optimizer-2", new ReplicaShare(3, 2, 700), TopicLog.UNNAMED, new ReplicaShare(1, 1, 0)));
    }
}
