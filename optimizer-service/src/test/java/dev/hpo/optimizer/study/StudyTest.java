package dev.hpo.optimizer.study;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.hpo.optimizer.study.ConstrainedStudies.PRECISION_AT_LEAST_075;
import static dev.hpo.optimizer.study.ConstrainedStudies.T0;
import static dev.hpo.optimizer.study.ConstrainedStudies.finish;
import static dev.hpo.optimizer.study.ConstrainedStudies.metrics;
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
}
