package dev.hpo.optimizer.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpo.common.json.Json;
import dev.hpo.common.study.StudySpec;
import dev.hpo.common.study.StudySpecParser;
import dev.hpo.optimizer.api.StudyReport;
import dev.hpo.optimizer.api.StudyView;
import dev.hpo.optimizer.api.TrialView;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI examples are what the API answers: valid JSON whose every field is one of the view's. */
class ApiExamplesTest {

    @Test
    void theParetoExamplesShowTheParetoAndFeasibilityFieldsOfTheViews() throws Exception {
        JsonNode study = Json.mapper().readTree(ApiExamples.PARETO_STUDY);
        JsonNode report = Json.mapper().readTree(ApiExamples.PARETO_REPORT);
        JsonNode trial = Json.mapper().readTree(ApiExamples.PARETO_TRIAL);

        assertThat(fields(study)).isSubsetOf(components(StudyView.class))
                .contains("objectives", "paretoSet", "hypervolume", "bestChoice", "constraints");
        assertThat(fields(report)).isSubsetOf(components(StudyReport.class))
                .contains("objectives", "paretoSet", "hypervolume", "hypervolumeSoFar", "bestChoice");
        assertThat(fields(trial)).isSubsetOf(components(TrialView.class)).contains("feasible", "pareto");
        assertThat(fields(study.path("bestChoice"))).containsExactlyInAnyOrder(components(StudyView.class,
                "bestChoice").toArray(String[]::new));
        assertThat(study.path("counts").path("feasible").asInt()).isEqualTo(9);
        assertThat(study.path("best").path("number")).isEqualTo(study.path("bestChoice").path("number"));
        assertThat(study.path("paretoSet").findValuesAsText("number")).contains("7");
        assertThat(study.path("bestChoice").path("reason").asText())
                .isEqualTo("trial 7: nearest of the Pareto set's 3 trials to the ideal point (val_recall 0.9100,"
                        + " val_precision 0.6600), each objective scaled to [0, 1] over the set: distance 0.5177");
        assertThat(report.path("hypervolumeSoFar").get(1).path("hypervolume"))
                .isEqualTo(report.path("hypervolume"));
    }

    @Test
    void theParetoSpecExampleIsAValidConstrainedMultiObjectiveSpec() {
        StudySpec spec = StudySpecParser.parse(ApiExamples.SPEC_PARETO_YAML);

        assertThat(spec.multiObjective()).isTrue();
        assertThat(spec.constraints()).hasSize(1);
        assertThat(StudySpecParser.parse(ApiExamples.SPEC_PARETO_YAML.replace("# finalRefit:", "finalRefit:"))
                .refitSelect()).isEqualTo("val_precision");
    }

    @Test
    void theOtherExamplesAreValidJsonOfTheViewsFields() throws Exception {
        assertThat(fields(Json.mapper().readTree(ApiExamples.STUDY))).isSubsetOf(components(StudyView.class));
        assertThat(fields(Json.mapper().readTree(ApiExamples.REPORT))).isSubsetOf(components(StudyReport.class));
        assertThat(fields(Json.mapper().readTree(ApiExamples.TRIAL))).isSubsetOf(components(TrialView.class));
    }

    private static List<String> fields(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static List<String> components(Class<?> record) {
        return Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    /** The components of the record type of {@code record}'s component {@code name}. */
    private static List<String> components(Class<?> record, String name) {
        return components(Arrays.stream(record.getRecordComponents()).filter(c -> c.getName().equals(name))
                .findFirst().orElseThrow().getType());
    }
}
