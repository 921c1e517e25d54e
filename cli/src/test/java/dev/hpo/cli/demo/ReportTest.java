package dev.hpo.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpo.common.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {

    private static final String STUDY_REPORT = """
            {"studyId": "mo-1", "strategy": "bayesian", "status": "FINISHED", "trialsRun": 3, "totalEpochs": 30,
             "best": {"params": {"neurons1": 40}, "metrics": {"val_recall": 0.9, "val_precision": 0.5}},
             "bestSoFar": [],
             "paretoSet": [
               {"trialId": "mo-1.t0", "number": 0, "params": {"neurons1": 40, "optimizer": "adam"},
                "values": {"val_recall": 0.9, "val_precision": 0.5}},
               {"trialId": "mo-1.t2", "number": 2, "params": {"neurons1": 20, "optimizer": "lion"},
                "values": {"val_recall": 0.6, "val_precision": 0.8}}],
             "hypervolume": 0.63,
             "bestChoice": {"trialId": "mo-1.t0", "number": 0, "rule": "ideal", "reason": "trial 0: nearest of the"},
             "hypervolumeSoFar": [{"trials": 1, "number": 0, "elapsedSeconds": 1.0, "hypervolume": 0.45}]}
            """;

    @Test
    void aMultiObjectiveReportListsTheParetoSetAndTheFinalHypervolume(@TempDir Path dir) throws Exception {
        Report report = new Report(Json.mapper().createObjectNode(), List.of("val_recall", "val_precision"));
        JsonNode r = Json.mapper().readTree(STUDY_REPORT);
        report.add("bayesian", new StudyRun.Outcome(Json.mapper().createObjectNode(), Json.mapper().createArrayNode(),
                r, Duration.ofSeconds(12)));

        Table front = report.paretoTable(report.methods().get(0));
        assertThat(front.header()).containsExactly("#", "val_recall", "val_precision", "params");
        assertThat(front.rows()).containsExactly(List.of("0", "0.9", "0.5", "neurons1=40, optimizer=adam"),
                List.of("2", "0.6", "0.8", "neurons1=20, optimizer=lion"));
        assertThat(report.comparisonTable().rows().get(0)).endsWith("2", "0.63");
        assertThat(report.markdown()).contains("Pareto set (2 trials), final hypervolume 0.63:")
                .contains("best and final refit: trial 0: nearest of the");
        report.write(dir);
        assertThat(Json.mapper().readTree(dir.resolve("report.json").toFile()).path("methods").get(0)
                .path("hypervolume").asDouble()).isEqualTo(0.63);
        assertThat(Files.readString(dir.resolve("report.html"))).contains("<td>neurons1=20, optimizer=lion</td>");
    }

    @Test
    void aReportOfOneObjectiveHasNoParetoColumns() {
        Report report = new Report(Json.mapper().createObjectNode(), List.of("val_recall"));
        assertThat(report.comparisonTable().header()).doesNotContain("hypervolume");
        assertThat(report.json().has("objectives")).isFalse();
    }

    @Test
    void countsPrunedTrialsAndTheSearchsEpochsApartFromTheRefit() throws Exception {
        JsonNode trials = Json.mapper().readTree("""
                [{"number": 0, "trialId": "s.t0", "status": "COMPLETED", "params": {}, "metrics": {}, "epochs": 10},
                 {"number": 1, "trialId": "s.t1", "status": "PRUNED", "params": {}, "metrics": {}, "epochs": 3},
                 {"number": 2, "trialId": "s.t2", "status": "PRUNED", "params": {}, "metrics": {}, "epochs": 1}]
                """);
        JsonNode studyReport = Json.mapper().readTree("""
                {"studyId": "s", "strategy": "BAYESIAN", "status": "FINISHED", "trialsRun": 3, "totalEpochs": 22}
                """);
        Report report = new Report(Json.mapper().createObjectNode(), List.of("val_recall"));
        report.add("bayesian", new StudyRun.Outcome(studyReport, trials, studyReport, Duration.ofSeconds(4)));

        JsonNode method = report.json().path("methods").get(0);
        assertThat(method.path("prunedTrials").asInt()).isEqualTo(2);
        assertThat(method.path("searchEpochs").asLong()).isEqualTo(14);
        assertThat(Report.heading(method)).isEqualTo("bayesian (study s): 3 trials (2 pruned), 22 epochs (14 in the search), 4.0 s");
        assertThat(report.comparisonTable().text()).contains("bayesian  3       2       4 s        14             22");
    }
}
