package dev.hpo.optimizer.pareto;

import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class HypervolumeTest {

    @Test
    void twoDimensionsIsTheAreaOfTheStaircase() {
        // Front (1, 3), (2, 2), (3, 1) over (0, 0): 3 columns of heights 3, 2, 1 -> 6.
        List<double[]> front = List.of(new double[] {1, 3}, new double[] {2, 2}, new double[] {3, 1});
        assertThat(Hypervolume.of(front, new double[] {0, 0})).isCloseTo(6.0, within(1e-12));
        // Over (0.5, 0.5): 0.5 * 2.5 + 1 * 1.5 + 1 * 0.5 = 3.25.
        assertThat(Hypervolume.of(front, new double[] {0.5, 0.5})).isCloseTo(3.25, within(1e-12));
    }

    @Test
    void dominatedDuplicateAndOutsidePointsAddNothing() {
        List<double[]> points = List.of(new double[] {1, 3}, new double[] {2, 2}, new double[] {3, 1},
                new double[] {1.5, 1.5}, new double[] {2, 2}, new double[] {5, -1}, new double[] {0, 9});
        assertThat(Hypervolume.of(points, new double[] {0, 0})).isCloseTo(6.0, within(1e-12));
        assertThat(Hypervolume.of(List.of(), new double[] {0, 0})).isZero();
    }

    @Test
    void threeDimensionsMatchesInclusionExclusion() {
        // Boxes [0,2]x[0,1]x[0,1] (2), [0,1]x[0,2]x[0,1] (2), [0,1]x[0,1]x[0,2] (2); pairwise intersections are the
        // unit cube (1 each), the triple one too: 2 + 2 + 2 - 1 - 1 - 1 + 1 = 4.
        List<double[]> front = List.of(new double[] {2, 1, 1}, new double[] {1, 2, 1}, new double[] {1, 1, 2});
        assertThat(Hypervolume.of(front, new double[] {0, 0, 0})).isCloseTo(4.0, within(1e-12));
        // A point with one coordinate on the reference has no volume: 3 * 2 * 0.
        assertThat(Hypervolume.of(List.of(new double[] {3, 2, 0}), new double[] {0, 0, 0})).isZero();
    }

    @Test
    void threeDimensionsWithANonZeroReference() {
        // (3, 3, 1) and (1, 1, 4) over (0.5, 0.5, 0.5): 2.5*2.5*0.5 + 0.5*0.5*3.5 - 0.5*0.5*0.5 = 3.875.
        List<double[]> front = List.of(new double[] {3, 3, 1}, new double[] {1, 1, 4});
        assertThat(Hypervolume.of(front, new double[] {0.5, 0.5, 0.5})).isCloseTo(3.875, within(1e-12));
    }

    @Test
    void fourDimensionsOfOnePointIsItsBox() {
        assertThat(Hypervolume.of(List.of(new double[] {1, 2, 3, 4}, new double[] {0.5, 1, 1, 1}),
                new double[] {0, 0, 0, 0})).isCloseTo(24.0, within(1e-12));
    }

    @Test
    void aPointOfTheWrongLengthIsRefusedByName() {
        assertThatThrownBy(() -> Hypervolume.of(List.of(new double[] {1, 2, 3}), new double[] {0, 0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[1.0, 2.0, 3.0] has 3 objectives");
    }
}
