package dev.hpo.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpo.common.json.Json;
import java.time.Duration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReportTest {

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
        Report report = new Report(Json.mapper().createObjectNode(), "val_recall");
        report.add("bayesian", new StudyRun.Outcome(studyReport, trials, studyReport, Duration.ofSeconds(4)));

        JsonNode method = report.json().path("methods").get(0);
        assertThat(method.path("prunedTrials").asInt()).isEqualTo(2);
        assertThat(method.path("searchEpochs").asLong()).isEqualTo(14);
        assertThat(Report.heading(method)).isEqualTo("bayesian (study s): 3 trials (2 pruned), 22 epochs (14 in the search), 4.0 s");
        assertThat(report.comparisonTable().text()).contains("bayesian  3       2       4 s        14             22");
    }
}
