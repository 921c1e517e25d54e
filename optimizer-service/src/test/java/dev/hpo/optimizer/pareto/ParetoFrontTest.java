package dev.hpo.optimizer.pareto;

import dev.hpo.common.study.Direction;
import dev.hpo.common.study.Objective;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ParetoFrontTest {

    @Test
    void keepsTheNonDominatedPointsInInputOrder() {
        List<double[]> points = List.of(new double[] {1, 5}, new double[] {2, 4}, new double[] {1.5, 3},
                new double[] {3, 1}, new double[] {0.5, 0.5});
        assertThat(ParetoFront.nonDominated(points)).containsExactly(0, 1, 3);
    }

    @Test
    void keepsDuplicatesAndWeakTiesOnlyWhenNotDominated() {
        // (2, 2) twice: neither dominates the other. (2, 1) ties on the first objective but is worse on the second.
        List<double[]> points = List.of(new double[] {2, 2}, new double[] {2, 2}, new double[] {2, 1},
                new double[] {1, 3});
        assertThat(ParetoFront.nonDominated(points)).containsExactly(0, 1, 3);
        assertThat(ParetoFront.dominates(new double[] {2, 2}, new double[] {2, 1})).isTrue();
        assertThat(ParetoFront.dominates(new double[] {2, 2}, new double[] {2, 2})).isFalse();
    }

    @Test
    void keepsExactlyThePointsThatNoOtherPointDominates() {
        SplittableRandom random = new SplittableRandom(3);
        for (int m = 2; m <= 4; m++) {
            List<double[]> points = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                // Coarse values, so that ties and duplicates are common.
                points.add(random.doubles(m, 0, 8).map(Math::floor).toArray());
            }
            List<Integer> pairwise = IntStream.range(0, points.size()).filter(i -> IntStream.range(0, points.size())
                    .noneMatch(k -> ParetoFront.dominates(points.get(k), points.get(i)))).boxed().toList();
            assertThat(ParetoFront.nonDominated(points)).as(m + " objectives").isEqualTo(pairwise);
        }
    }

    @Test
    void orientsAMixOfMaximisedAndMinimisedMetrics() {
        Objectives objectives = new Objectives(List.of(new Objective("recall", Direction.MAXIMIZE),
                new Objective("loss", Direction.MINIMIZE)), Map.of());
        List<Map<String, Double>> trials = List.of(
                Map.of("recall", 0.9, "loss", 0.5),   // best recall
                Map.of("recall", 0.6, "loss", 0.1),   // best loss
                Map.of("recall", 0.6, "loss", 0.3),   // dominated by the second: same recall, higher loss
                Map.of("recall", 0.8, "loss", 0.6),   // dominated by the first
                Map.of("recall", 0.7, "loss", 0.2));  // a trade-off
        List<double[]> oriented = trials.stream().map(m -> objectives.orient(m).orElseThrow()).toList();
        assertThat(ParetoFront.nonDominated(oriented)).containsExactly(0, 1, 4);
        assertThat(oriented.get(1)).containsExactly(0.6, -0.1);
    }

    @Test
    void aTrialMissingAnObjectiveHasNoVector() {
        Objectives objectives = new Objectives(List.of(new Objective("a", Direction.MAXIMIZE),
                new Objective("b", Direction.MAXIMIZE)), Map.of());
        assertThat(objectives.orient(Map.of("a", 1.0))).isEmpty();
    }

    @Test
    void theSummaryListsTheFrontAndAHypervolumePerTrial() {
        Objectives objectives = new Objectives(List.of(new Objective("a", Direction.MAXIMIZE),
                new Objective("b", Direction.MAXIMIZE)), Map.of());
        List<Map<String, Double>> trials = List.of(Map.of("a", 1.0, "b", 1.0), Map.of("a", 0.5),
                Map.of("a", 2.0, "b", 0.5), Map.of("a", 0.5, "b", 0.5), Map.of("a", 0.5, "b", 2.0));
        ParetoSummary<Map<String, Double>> s = ParetoSummary.of(objectives, trials, m -> m);
        assertThat(s.front()).containsExactly(trials.get(0), trials.get(2), trials.get(4));
        // Reference (0, 0): 1; still 1 (no b); 1 + 1 * 0.5 = 1.5; dominated, 1.5; + 0.5 * 1 = 2.
        assertThat(s.progress()).containsExactly(1.0, 1.0, 1.5, 1.5, 2.0);
        assertThat(s.hypervolume()).isEqualTo(2.0);
    }

    @Test
    void theDefaultReferenceIsZeroForRatesAndTheWorstValueOtherwise() {
        Objectives objectives = new Objectives(List.of(new Objective("recall", Direction.MAXIMIZE),
                new Objective("score", Direction.MAXIMIZE), new Objective("loss", Direction.MINIMIZE),
                new Objective("gap", Direction.MINIMIZE)), Map.of("recall", 0.2));
        List<double[]> oriented = List.of(
                objectives.orient(Map.of("recall", 0.5, "score", -3.0, "loss", 0.4, "gap", -1.0)).orElseThrow(),
                objectives.orient(Map.of("recall", 0.7, "score", 2.0, "loss", 0.9, "gap", -2.0)).orElseThrow());
        // recall: given 0.2; score: worst observed -3; loss: worst observed 0.9 (negated); gap: all <= 0, so 0.
        assertThat(objectives.reference(oriented)).containsExactly(0.2, -3.0, -0.9, 0.0);
    }
}
