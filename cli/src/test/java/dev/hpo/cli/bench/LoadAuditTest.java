package dev.hpo.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpo.cli.bench.LoadAudit.StudyOutcome;
import dev.hpo.cli.bench.TopicLog.IssuedTrial;
import dev.hpo.cli.bench.TopicLog.ReportedResult;
import dev.hpo.common.message.TrialStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoadAuditTest {

    private static IssuedTrial trial(String study, int number, int attempt) {
        return new IssuedTrial(study, study + ".t" + number, number, attempt, 0, "optimizer");
    }

    private static ReportedResult result(String study, int number, TrialStatus status) {
        return new ReportedResult(study, study + ".t" + number, 1, status, 0);
    }

    @Test
    void aCleanRunCountsEveryTrialOnceAndEveryStudyExact() {
        TopicLog log = new TopicLog(List.of(trial("a", 0, 1), trial("a", 1, 1), trial("b", 0, 1), trial("b", 1, 1)),
                List.of(result("a", 0, TrialStatus.COMPLETED), result("a", 1, TrialStatus.COMPLETED),
                        result("b", 0, TrialStatus.COMPLETED), result("b", 1, TrialStatus.FAILED)), 0);

        LoadAudit audit = LoadAudit.of(log, Map.of("a", new StudyOutcome("FINISHED", 2),
                "b", new StudyOutcome("FINISHED", 1)), 2);

        assertThat(audit).isEqualTo(new LoadAudit(4, 3, 0, 0, 0, 2, 2, List.of()));
        assertThat(audit.clean()).isTrue();
    }

    @Test
    void aReissuedTrialIsOneTrialAndItsTwoResultsAreCompletedTwice() {
        TopicLog log = new TopicLog(List.of(trial("a", 0, 1), trial("a", 0, 2)),
                List.of(result("a", 0, TrialStatus.COMPLETED), result("a", 0, TrialStatus.COMPLETED)), 0);

        LoadAudit audit = LoadAudit.of(log, Map.of("a", new StudyOutcome("FINISHED", 1)), 1);

        assertThat(audit.issued()).isEqualTo(1);
        assertThat(audit.completed()).isEqualTo(1);
        assertThat(audit.completedTwice()).isEqualTo(1);
        assertThat(audit.resultsCountedTwice()).isZero();
        assertThat(audit.clean()).isFalse();
    }

    @Test
    void aTrialWithoutResultIsLostOnlyOnceItsStudyEnded() {
        TopicLog log = new TopicLog(List.of(trial("a", 0, 1), trial("b", 0, 1)), List.of(), 0);

        LoadAudit audit = LoadAudit.of(log, Map.of("a", new StudyOutcome("FINISHED", 0),
                "b", new StudyOutcome("RUNNING", 0)), 1);

        assertThat(audit.lost()).isEqualTo(1);
        assertThat(audit.studiesExact()).isEqualTo(1);
        assertThat(audit.problems()).containsExactly("b: RUNNING with 1 distinct trial numbers, 1 asked");
    }

    @Test
    void anApiCountAboveTheTopicsCompletedResultsIsAResultCountedTwice() {
        TopicLog log = new TopicLog(List.of(trial("a", 0, 1), trial("a", 1, 1)),
                List.of(result("a", 0, TrialStatus.COMPLETED), result("a", 1, TrialStatus.COMPLETED)), 0);

        LoadAudit audit = LoadAudit.of(log, Map.of("a", new StudyOutcome("FINISHED", 3)), 2);

        assertThat(audit.resultsCountedTwice()).isEqualTo(1);
        assertThat(audit.problems()).containsExactly("a: the API counts 3 completed, the topics hold 2");
    }

    @Test
    void aStudyWithTooFewDistinctNumbersIsNotExact() {
        TopicLog log = new TopicLog(List.of(trial("a", 0, 1), trial("a", 0, 2)),
                List.of(result("a", 0, TrialStatus.COMPLETED)), 0);

        LoadAudit audit = LoadAudit.of(log, Map.of("a", new StudyOutcome("FINISHED", 1)), 2);

        assertThat(audit.studiesExact()).isZero();
        assertThat(audit.clean()).isFalse();
    }
}
