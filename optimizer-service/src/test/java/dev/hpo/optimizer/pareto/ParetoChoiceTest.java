package dev.hpo.optimizer.pareto;

import dev.hpo.common.study.Direction;
import dev.hpo.common.study.Objective;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ParetoChoiceTest {

    private static final Objectives RECALL_AND_LOSS = new Objectives(List.of(new Objective("recall", Direction.MAXIMIZE),
            new Objective("loss", Direction.MINIMIZE)), Map.of());

    /** Trials 0 to 3 by their metrics; 3 is dominated by 1. */
    private static final List<Map<String, Double>> TRIALS = List.of(Map.of("recall", 0.95, "loss", 0.60),
            Map.of("recall", 0.80, "loss", 0.25), Map.of("recall", 0.50, "loss", 0.10),
            Map.of("recall", 0.70, "loss", 0.30));

    @Test
    void theDefaultIsTheMemberNearestTheIdealPointWithEachObjectiveScaledOverTheSet() {
        ParetoChoice<Map<String, Double>> c = ParetoSummary.of(RECALL_AND_LOSS, TRIALS, m -> m).choose(null)
                .orElseThrow();
        // Recall 0.5..0.95 and loss 0.1..0.6 scaled to [0, 1], best = 1: trial 1 at (0.667, 0.7), distance
        // √(0.333² + 0.3²) = 0.4485; trials 0 and 2 at distance 1.
        assertThat(c.member()).isSameAs(TRIALS.get(1));
        assertThat(c.rule()).isEqualTo(ParetoChoice.Rule.IDEAL);
        assertThat(c.distance()).isCloseTo(Math.hypot(0.15 / 0.45, 0.15 / 0.5), within(1e-12));
        assertThat(c.ideal()).containsExactly(new double[] {0.95, -0.10}, within(1e-12));
    }

    @Test
    void selectTakesTheBestValueOfOneObjectiveInItsDirection() {
        ParetoSummary<Map<String, Double>> s = ParetoSummary.of(RECALL_AND_LOSS, TRIALS, m -> m);

        assertThat(s.choose("loss").orElseThrow().member()).isSameAs(TRIALS.get(2));
        assertThat(s.choose("recall").orElseThrow().member()).isSameAs(TRIALS.get(0));
        assertThat(s.choose("recall").orElseThrow().rule()).isEqualTo(ParetoChoice.Rule.SELECT);
        assertThat(s.choose("recall").orElseThrow().distance()).isCloseTo(1.0, within(1e-12));
        assertThatThrownBy(() -> s.choose("auc")).hasMessageContaining("auc is not one of the objectives");
    }

    @Test
    void tiesGoToTheEarlierMemberAndSelectTiesToTheNearerOne() {
        List<double[]> points = List.of(new double[] {1, 0}, new double[] {0, 1}, new double[] {1, 0},
                new double[] {0.5, 0.5});
        List<String> members = List.of("a", "b", "c", "d");
        // a and b are both at distance 1, d at 0.707.
        assertThat(ParetoChoice.of(members.subList(0, 2), points.subList(0, 2), -1).orElseThrow().member())
                .isEqualTo("a");
        assertThat(ParetoChoice.of(members, points, -1).orElseThrow().member()).isEqualTo("d");
        // a and c share the best first objective and the distance: the earlier one.
        assertThat(ParetoChoice.of(members, points, 0).orElseThrow().member()).isEqualTo("a");
        List<double[]> tied = List.of(new double[] {1, 0}, new double[] {1, 0.5}, new double[] {0, 1});
        assertThat(ParetoChoice.of(List.of("a", "b", "c"), tied, 0).orElseThrow().member()).as("nearer").isEqualTo("b");
    }

    @Test
    void anObjectiveThatDoesNotVaryOverTheSetCountsNothingAndAnEmptySetHasNoChoice() {
        List<double[]> points = List.of(new double[] {0.9, 0.3}, new double[] {0.9, 0.6});
        ParetoChoice<String> c = ParetoChoice.of(List.of("a", "b"), points, -1).orElseThrow();
        assertThat(c.member()).isEqualTo("b");
        assertThat(c.distance()).isZero();
        assertThat(ParetoChoice.of(List.of(), List.of(), -1)).isEmpty();
    }
}
