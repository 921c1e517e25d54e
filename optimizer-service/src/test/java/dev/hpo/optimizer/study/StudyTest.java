package dev.hpo.optimizer.study;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.hpo.optimizer.study.ConstrainedStudies.PRECISION_AT_LEAST_075;
import static dev.hpo.optimizer.study.ConstrainedStudies.RECALL_AND_PRECISION;
import static dev.hpo.optimizer.study.ConstrainedStudies.T0;
import static dev.hpo.optimizer.study.ConstrainedStudies.finish;
import static dev.hpo.optimizer.study.ConstrainedStudies.metrics;
import static dev.hpo.optimizer.study.ConstrainedStudies.paretoStudy;
import static dev.hpo.optimizer.study.ConstrainedStudies.study;
import static dev.hpo.optimizer.study.ConstrainedStudies.trials;
import static org.assertj.core.api.Assertions.assertThat;

class StudyTest {

    @Test
    void bestIsTheBestFeasibleTrialAndEachCompletedTrialIsMarked() {
        Study s = study(5, PRECISION_AT_LEAST_075);
        finish(s, 0, metrics(0.95, 0.60));
        finish(s, 1, metrics(0.80, 0.80));
        finish(s, 2, metrics(0.70, 0.90));
        finish(s, 3, null);
        finish(s, 4, Map.of("val_recall", 0.99));

        assertThat(s.best()).map(Trial::number).contains(1);
        assertThat(trials(s)).extracting(s::feasible).containsExactly(false, true, true, null, false);
        assertThat(s.feasibleCount()).isEqualTo(2);
    }

    @Test
    void withoutConstraintsTheBestIsTheBestCompletedTrialAndNoTrialIsMarked() {
        Study s = study(2, "");
        finish(s, 0, metrics(0.95, 0.60));
        finish(s, 1, metrics(0.80, 0.80));

        assertThat(s.best()).map(Trial::number).contains(0);
        assertThat(trials(s)).extracting(s::feasible).containsExactly(null, null);
        assertThat(s.feasibleCount()).isEqualTo(2);
    }

    @Test
    void whenNothingIsFeasibleThereIsNoBestAndNoFinalRefit() {
        Study s = study(2, PRECISION_AT_LEAST_075);
        finish(s, 0, metrics(0.95, 0.60));
        finish(s, 1, metrics(0.90, 0.74));

        assertThat(s.best()).isEmpty();
        assertThat(s.issue(T0.plusSeconds(10))).isEmpty();
        assertThat(s.status()).isEqualTo(StudyStatus.FINISHED);
        assertThat(s.refit()).isEmpty();
    }

    @Test
    void aFeasibleBestIsRefittedWithItsConfiguration() {
        Study s = study(2, "constraints: [{metric: val_precision, max: 0.7}]\n");
        finish(s, 0, metrics(0.95, 0.60));
        finish(s, 1, metrics(0.99, 0.74));

        assertThat(s.issue(T0.plusSeconds(10))).singleElement()
                .satisfies(refit -> assertThat(refit.params()).isEqualTo(trials(s).get(0).params()));
        finish(s, 2, metrics(0.9, 0.9));
        assertThat(s.feasible(s.refit().orElseThrow())).isNull();
    }

    @Test
    void aMultiObjectiveStudysBestIsTheParetoMemberNearestTheIdealPointAndTheFinalRefitTrainsIt() {
        Study s = paretoStudy("");

        assertThat(s.pareto().orElseThrow().front()).extracting(Trial::number).containsExactly(0, 1, 2);
        // Scaled over the set (recall 0.5..0.95, precision 0.4..0.9) the ideal point is (1, 1): trial 0 lies at
        // (1, 0) and trial 2 at (0, 1), both at distance 1; trial 1 at (0.667, 0.7), distance 0.449.
        assertThat(s.best()).map(Trial::number).contains(1);
        assertThat(s.issue(T0.plusSeconds(10))).singleElement()
                .satisfies(refit -> assertThat(refit.params()).isEqualTo(trials(s).get(1).params()));
    }

    @Test
    void finalRefitSelectMakesTheParetoMemberWithTheBestValueOfThatMetricTheBest() {
        Study s = paretoStudy("finalRefit: {select: val_precision}\n");

        assertThat(s.best()).map(Trial::number).contains(2);
        assertThat(s.issue(T0.plusSeconds(10))).singleElement()
                .satisfies(refit -> assertThat(refit.params()).isEqualTo(trials(s).get(2).params()));
    }

    @Test
    void withConstraintsTheParetoSetAndItsBestHoldFeasibleTrialsOnly() {
        Study s = study(4, RECALL_AND_PRECISION, PRECISION_AT_LEAST_075);
        finish(s, 0, metrics(0.95, 0.40));
        finish(s, 1, metrics(0.80, 0.75));
        finish(s, 2, metrics(0.50, 0.90));
        finish(s, 3, metrics(0.70, 0.80));

        assertThat(s.pareto().orElseThrow().front()).extracting(Trial::number).containsExactly(1, 2, 3);
        // Scaled over the feasible set (recall 0.5..0.8, precision 0.75..0.9): trial 3 at (0.667, 0.333), 0.745.
        assertThat(s.best()).map(Trial::number).contains(3);
    }
}
