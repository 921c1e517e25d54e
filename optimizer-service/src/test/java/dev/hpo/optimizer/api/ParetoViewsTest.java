package dev.hpo.optimizer.api;

import dev.hpo.optimizer.study.Study;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static dev.hpo.optimizer.study.ConstrainedStudies.T0;
import static dev.hpo.optimizer.study.ConstrainedStudies.finish;
import static dev.hpo.optimizer.study.ConstrainedStudies.metrics;
import static dev.hpo.optimizer.study.ConstrainedStudies.paretoStudy;
import static dev.hpo.optimizer.study.ConstrainedStudies.study;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ParetoViewsTest {

    @Test
    void theStudyViewAndReportShowTheParetoSetAndWhichMemberIsBestAndWhy() {
        Study s = paretoStudy("");
        StudyView view = StudyView.of(s);
        StudyReport report = StudyReport.of(s, T0.plusSeconds(60));

        assertThat(view.paretoSet()).extracting(ParetoViews.ParetoTrial::number).containsExactly(0, 1, 2);
        assertThat(view.best().number()).as("not trial 0, the best recall").isEqualTo(1);
        assertThat(view.best().pareto()).isTrue();
        ParetoViews.BestChoice choice = view.bestChoice();
        assertThat(choice.number()).isEqualTo(1);
        assertThat(choice.rule()).isEqualTo("ideal");
        assertThat(choice.metric()).isNull();
        assertThat(choice.ideal()).containsExactly(Map.entry("val_recall", 0.95), Map.entry("val_precision", 0.90));
        assertThat(choice.distance()).isCloseTo(Math.hypot(0.15 / 0.45, 0.15 / 0.5), within(1e-12));
        assertThat(choice.reason()).isEqualTo("trial 1: nearest of the Pareto set's 3 trials to the ideal point"
                + " (val_recall 0.9500, val_precision 0.9000), each objective scaled to [0, 1] over the set: distance"
                + " 0.4485");
        assertThat(report.best().number()).isEqualTo(1);
        assertThat(report.bestChoice()).isEqualTo(choice);
    }

    @Test
    void withFinalRefitSelectTheBestIsTheMemberWithTheBestValueOfThatMetric() {
        Study s = paretoStudy("finalRefit: {select: val_precision}\n");
        ParetoViews.BestChoice choice = StudyView.of(s).bestChoice();

        assertThat(StudyView.of(s).best().number()).isEqualTo(2);
        assertThat(choice.rule()).isEqualTo("select");
        assertThat(choice.metric()).isEqualTo("val_precision");
        assertThat(choice.reason()).isEqualTo("trial 2: the highest val_precision (0.9000) of the Pareto set's 3"
                + " trials, as finalRefit.select asks");
        assertThat(StudyReport.of(s, T0.plusSeconds(60)).best().number()).isEqualTo(2);
    }

    @Test
    void theReportsHypervolumeCurveHasOnePointPerCompletedTrialEndingAtTheSetsHypervolume() {
        StudyReport report = StudyReport.of(paretoStudy(""), T0.plusSeconds(60));

        // Over (0, 0): 0.95 * 0.4 = 0.38; + 0.8 * 0.35 = 0.66; + 0.5 * 0.15 = 0.735; trial 3 is dominated.
        assertThat(report.hypervolumeSoFar()).extracting(StudyReport.HypervolumePoint::trials)
                .containsExactly(1, 2, 3, 4);
        assertThat(report.hypervolumeSoFar().stream().mapToDouble(StudyReport.HypervolumePoint::hypervolume).toArray())
                .containsExactly(new double[] {0.38, 0.66, 0.735, 0.735}, within(1e-12));
        assertThat(report.hypervolume()).isCloseTo(0.735, within(1e-12));
    }

    @Test
    void aStudyOfOneObjectiveHasNoChoice() {
        Study s = study(1, "");
        finish(s, 0, metrics(0.95, 0.60));

        assertThat(StudyView.of(s).bestChoice()).isNull();
        assertThat(StudyReport.of(s, T0).bestChoice()).isNull();
        assertThat(StudyView.of(s).best().number()).isZero();
    }
}
