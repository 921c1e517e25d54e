package dev.hpo.optimizer.api;

import dev.hpo.optimizer.study.Study;
import org.junit.jupiter.api.Test;

import static dev.hpo.optimizer.study.ConstrainedStudies.PRECISION_AT_LEAST_075;
import static dev.hpo.optimizer.study.ConstrainedStudies.T0;
import static dev.hpo.optimizer.study.ConstrainedStudies.finish;
import static dev.hpo.optimizer.study.ConstrainedStudies.metrics;
import static dev.hpo.optimizer.study.ConstrainedStudies.study;
import static dev.hpo.optimizer.study.ConstrainedStudies.trials;
import static org.assertj.core.api.Assertions.assertThat;

class FeasibilityViewsTest {

    @Test
    void trialViewsStudyViewAndReportMarkInfeasibleTrialsAndShowTheBestFeasibleOne() {
        Study s = study(4, PRECISION_AT_LEAST_075);
        finish(s, 0, metrics(0.95, 0.60));
        finish(s, 1, metrics(0.80, 0.80));
        finish(s, 2, metrics(0.85, 0.70));

        assertThat(trials(s)).extracting(t -> TrialView.of(s, t).feasible()).containsExactly(false, true, false, null);

        StudyView view = StudyView.of(s);
        assertThat(view.constraints()).containsExactly("val_precision >= 0.75");
        assertThat(view.counts().feasible()).isEqualTo(1);
        assertThat(view.best().number()).isEqualTo(1);
        assertThat(view.best().feasible()).isTrue();

        StudyReport report = StudyReport.of(s, T0.plusSeconds(60));
        assertThat(report.best().number()).isEqualTo(1);
        assertThat(report.bestSoFar()).extracting(StudyReport.Point::feasible).containsExactly(false, true, false);
        // the best-so-far curve counts feasible trials only: nothing before trial 1, then 0.80 despite 0.95 and 0.85
        assertThat(report.bestSoFar()).extracting(StudyReport.Point::best).containsExactly(null, 0.80, 0.80);
    }

    @Test
    void withoutConstraintsNothingIsMarked() {
        Study s = study(1, "");
        finish(s, 0, metrics(0.95, 0.60));

        assertThat(TrialView.of(s, trials(s).get(0)).feasible()).isNull();
        assertThat(StudyView.of(s).counts().feasible()).isNull();
        assertThat(StudyView.of(s).constraints()).isEmpty();
        assertThat(StudyReport.of(s, T0).bestSoFar()).extracting(StudyReport.Point::best).containsExactly(0.95);
    }
}
