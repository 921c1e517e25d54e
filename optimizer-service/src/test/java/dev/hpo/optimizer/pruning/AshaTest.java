package dev.hpo.optimizer.pruning;

import java.util.List;
import org.junit.jupiter.api.Test;

import static dev.hpo.optimizer.pruning.Curves.completed;
import static dev.hpo.optimizer.pruning.Curves.greedy;
import static dev.hpo.optimizer.pruning.Curves.running;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AshaTest {

    private final Asha asha = new Asha("val_recall", true, 1, 3, 3);

    /** Epoch 1 values 0.5, 0.7, 0.9, 0.6, 0.8 from trials in any state. */
    private final List<LearningCurve> rungZero = List.of(completed("a", 0.5, 0.5, 0.5), running("b", 0.7),
            new LearningCurve("c", false, List.of(0.9, 0.9, 0.9)), completed("d", 0.6), running("e", 0.8, 0.1));

    @Test
    void rungsAreMinEpochsTimesPowersOfTheReductionFactor() {
        assertThat(List.of(1, 2, 3, 4, 9, 27, 28).stream().map(asha::rung).toList())
                .containsExactly(0, -1, 1, -1, 2, 3, -1);
        assertThat(new Asha("m", true, 2, 1, 2).rung(8)).isEqualTo(2);
    }

    @Test
    void stopsATrialOutsideTheTopThirdOfItsRung() {
        // Six values with the trial's 0.75: 0.9, 0.8, 0.75, ... The top 6/3 = 2 go on; the bar is 0.8.
        assertThat(asha.judge(running("t", 0.75), rungZero)).hasValueSatisfying(reason -> assertThat(reason)
                .contains("0.7500 at rung 0 (epoch 1) is not in the top 2 of the 6").contains("bar 0.8000"));
    }

    @Test
    void neverStopsAGreedyTrialThoughItsValuesCountForTheOthers() {
        assertThat(asha.judge(greedy("g", 0.1), rungZero)).isEmpty();
        List<LearningCurve> withGreedy = new java.util.ArrayList<>(rungZero);
        withGreedy.add(greedy("g", 0.95));
        // Seven values: 0.95, 0.9, 0.8, ...; the top 7/3 = 2 go on, so the bar rises to 0.9.
        assertThat(asha.judge(running("t", 0.85), withGreedy)).hasValueSatisfying(reason -> assertThat(reason)
                .contains("bar 0.9000"));
    }

    @Test
    void letsATrialInTheTopThirdGoOnAndTiesGoOn() {
        assertThat(asha.judge(running("t", 0.85), rungZero)).isEmpty();
        assertThat(asha.judge(running("t", 0.8), rungZero)).isEmpty();
    }

    @Test
    void saysNothingBetweenRungs() {
        assertThat(asha.judge(running("t", 0.9, 0.0), rungZero)).isEmpty();
    }

    @Test
    void withFewerThanEtaValuesOnlyTheBestGoesOn() {
        List<LearningCurve> two = List.of(completed("a", 0.5), completed("b", 0.7));
        assertThat(asha.judge(running("t", 0.6), two)).isPresent();
        assertThat(asha.judge(running("t", 0.71), two)).isEmpty();
    }

    @Test
    void stopsNoOneAtARungHoldingFewerThanMinTrialsValues() {
        assertThat(asha.judge(running("t", 0.1), List.of(completed("a", 0.5)))).isEmpty();
    }

    @Test
    void comparesAtTheRungEpochOnlyTrialsThatReachedIt() {
        // Rung 1 is epoch 3: only a (0.5) and c (0.9) reached it; with the trial's 0.6, three values, top 1.
        assertThat(asha.judge(running("t", 0.95, 0.95, 0.6), rungZero)).hasValueSatisfying(
                reason -> assertThat(reason).contains("at rung 1 (epoch 3) is not in the top 1 of the 3"));
    }

    @Test
    void whenMinimizingTheLowestValuesGoOn() {
        Asha minimize = new Asha("val_loss", false, 1, 3, 3);
        List<LearningCurve> losses = List.of(completed("a", 0.5), completed("b", 0.7), completed("c", 0.9),
                completed("d", 0.6), completed("e", 0.8));
        assertThat(minimize.judge(running("t", 0.55), losses)).isEmpty();
        assertThat(minimize.judge(running("t", 0.65), losses)).isPresent();
    }

    @Test
    void refusesSettingsItCannotUse() {
        assertThatThrownBy(() -> new Asha("val_recall", true, 1, 1, 1)).hasMessageContaining("reductionFactor (1)");
        assertThatThrownBy(() -> new Asha(" ", true, 1, 1, 3)).hasMessageContaining("metric");
    }
}
