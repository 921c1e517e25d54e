package dev.hpo.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpo.common.json.Json;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ReportConstraintsTest {

    /**
     * A finished study as the API shows it: two trials, the best the first; {@code constraints} a JSON array and
     * {@code feasible} the first trial's flag (the second has the opposite one, null stays null).
     */
    private static StudyRun.Outcome outcome(String id, String constraints, String feasible, double recall,
                                            double precision) throws Exception {
        JsonNode study = Json.mapper().readTree("""
                {"id": "%s", "counts": {"feasible": 1}, "spec": {"constraints": %s}}"""
                .formatted(id, constraints));
        String metrics = "{\"val_recall\": %s, \"val_precision\": %s}".formatted(recall, precision);
        JsonNode trials = Json.mapper().readTree("""
                [{"number": 0, "status": "COMPLETED", "params": {"n": 20}, "metrics": %s, "feasible": %s},
                 {"number": 1, "status": "COMPLETED", "params": {"n": 60}, "metrics": {"val_recall": 0.99,
                  "val_precision": 0.2}, "feasible": %s}]""".formatted(metrics, feasible, feasible.replace("true", "false")));
        JsonNode report = Json.mapper().readTree("""
                {"studyId": "%s", "strategy": "bayesian", "status": "FINISHED", "trialsRun": 2,
                 "best": {"params": {"n": 20}, "metrics": %s}, "bestSoFar": []}""".formatted(id, metrics));
        return new StudyRun.Outcome(study, trials, report, Duration.ofSeconds(3));
    }

    @Test
    void showsTheConstrainedBestNextToTheUnconstrainedOneAndMarksInfeasibleTrials() throws Exception {
        Report report = new Report(Json.mapper().createObjectNode(), java.util.List.of("val_recall"));
        report.add("bayesian", outcome("u", "[]", "null", 0.93, 0.61));
        report.add("bayesian-constrained", outcome("c", "[{\"metric\": \"val_precision\", \"min\": 0.75}]", "true",
                0.84, 0.78));

        assertThat(report.constraintLines()).containsExactly(
                "bayesian-constrained, subject to [val_precision >= 0.75]: 1 of 2 trials feasible; best val_recall "
                        + "0.84, val_precision 0.78 (meets the constraints)",
                "bayesian, unconstrained: best val_recall 0.93, val_precision 0.61 (VIOLATES the constraints)");
        JsonNode constrained = report.methods().get(1);
        String table = Report.trialTable(constrained).markdown();
        assertThat(table.lines().skip(2).map(l -> l.replaceAll("\\s+", " ")))
                .satisfiesExactly(row -> assertThat(row).startsWith("| 0 ").contains("| yes |"),
                        row -> assertThat(row).startsWith("| 1 ").contains("| NO (infeasible) |"));
        assertThat(Report.trialTable(report.methods().get(0)).markdown()).doesNotContain("feasible");
        assertThat(report.markdown()).contains("## Outcome constraints");
    }
}
