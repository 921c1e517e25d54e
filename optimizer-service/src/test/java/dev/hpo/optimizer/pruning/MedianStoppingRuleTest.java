package dev.hpo.optimizer.pruning;

import java.util.List;
import org.junit.jupiter.api.Test;

import static dev.hpo.optimizer.pruning.Curves.completed;
import static dev.hpo.optimizer.pruning.Curves.greedy;
import static dev.hpo.optimizer.pruning.Curves.running;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MedianStoppingRuleTest {

    private final MedianStoppingRule maximize = new MedianStoppingRule("val_recall", true, 2, 3);

    /** Running averages over epochs 1..2: a 0.65, b 0.5, c 0.9, so the median is 0.65. */
    private final List<LearningCurve> completed = List.of(completed("a", 0.6, 0.7, 0.8),
            completed("b", 0.5, 0.5, 0.5), completed("c", 0.9, 0.9, 0.9));

    @Test
    void stopsATrialWhoseBestSoFarIsBelowTheMedianOfRunningAverages() {
        assertThat(maximize.judge(running("t", 0.4, 0.45), completed)).hasValueSatisfying(reason -> assertThat(reason)
                .contains("best val_recall 0.4500 by epoch 2").contains("0.6500, the median of 3 completed"));
    }

    @Test
    void aGreedyTrialBelowTheMedianGoesOnUntilEpochThreeThenIsJudgedLikeAnyOther() {
        MedianStoppingRule fromEpochOne = new MedianStoppingRule("val_recall", true, 1, 3);

        assertThat(fromEpochOne.judge(running("t", 0.4), completed)).isPresent();
        assertThat(fromEpochOne.judge(greedy("t", 0.4), completed)).isEmpty();
        assertThat(fromEpochOne.judge(greedy("t", 0.4, 0.45), completed)).isEmpty();
        assertThat(fromEpochOne.judge(greedy("t", 0.4, 0.45, 0.5), completed)).hasValueSatisfying(
                reason -> assertThat(reason).contains("best val_recall 0.5000 by epoch 3"));
        assertThat(fromEpochOne.judge(greedy("t", 0.4, 0.45, 0.9), completed)).isEmpty();
    }

    @Test
    void keepsATrialWhoseBestSoFarBeatsTheMedianEvenIfItsLastEpochDoesNot() {
        assertThat(maximize.judge(running("t", 0.66, 0.3), completed)).isEmpty();
    }

    @Test
    void judgesNoTrialBeforeMinEpochs() {
        assertThat(maximize.judge(running("t", 0.1), completed)).isEmpty();
    }

    @Test
    void needsMinTrialsCompletedTrialsAndIgnoresRunningAndPrunedOnes() {
        List<LearningCurve> twoCompleted = List.of(completed("a", 0.6, 0.7), completed("b", 0.5, 0.5),
                running("c", 0.9, 0.9, 0.9), new LearningCurve("d", false, List.of(0.95, 0.95)));

        assertThat(maximize.judge(running("t", 0.1, 0.1), twoCompleted)).isEmpty();
    }

    @Test
    void aCompletedTrialShorterThanTheEpochCountsWithTheAverageOfAllItsEpochs() {
        // At epoch 3: a 0.7, b 0.5, c 0.9, d 0.2 (one epoch only): median (0.5 + 0.7) / 2 = 0.6.
        List<LearningCurve> withShort = new java.util.ArrayList<>(completed);
        withShort.add(completed("d", 0.2));
        assertThat(maximize.judge(running("t", 0.55, 0.59, 0.58), withShort)).hasValueSatisfying(
                reason -> assertThat(reason).contains("0.6000, the median of 4"));
        assertThat(maximize.judge(running("t", 0.55, 0.61, 0.58), withShort)).isEmpty();
    }

    @Test
    void whenMinimizingAHigherBestThanTheMedianStops() {
        MedianStoppingRule minimize = new MedianStoppingRule("val_loss", false, 2, 3);
        List<LearningCurve> losses = List.of(completed("a", 0.6, 0.4), completed("b", 0.3, 0.3),
                completed("c", 0.9, 0.7));

        assertThat(minimize.judge(running("t", 0.6, 0.55), losses)).isPresent();
        assertThat(minimize.judge(running("t", 0.6, 0.45), losses)).isEmpty();
    }

    @Test
    void epochsWithoutTheMetricAreSkipped() {
        assertThat(maximize.judge(running("t", Double.NaN, Double.NaN), completed)).isEmpty();
        assertThat(maximize.judge(running("t", Double.NaN, 0.4), completed)).isPresent();
    }

    @Test
    void refusesSettingsItCannotUse() {
        assertThatThrownBy(() -> new MedianStoppingRule("val_recall", true, 0, 3))
                .hasMessageContaining("minEpochs (0)");
        assertThatThrownBy(() -> new MedianStoppingRule("val_recall", true, 1, 0))
                .hasMessageContaining("minTrials (0)");
    }
}
