package dev.hpo.optimizer.bo;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TargetTransformTest {

    private final double[] skewed = {0.1, 0.2, 0.3, 0.25, 0.15, 50, 0.4, 0.35};

    @Test
    void minimisationMakesTheSmallestValueTheBestTarget() {
        TargetTransform min = new TargetTransform(skewed, false);
        TargetTransform max = new TargetTransform(skewed, true);

        assertThat(argmax(min.targets())).isZero();
        assertThat(argmax(max.targets())).isEqualTo(5);
        assertThat(min.best()).isCloseTo(min.targets()[0], within(1e-12));
    }

    @Test
    void targetsHaveUnitSpreadTheWorstAtZeroAndKeepTheOrderOfTheValues() {
        double[] t = new TargetTransform(skewed, true).targets();

        double mean = Arrays.stream(t).average().orElseThrow();
        assertThat(Arrays.stream(t).map(v -> (v - mean) * (v - mean)).sum() / t.length).isCloseTo(1, within(1e-12));
        assertThat(t[0]).as("the worst of a maximised objective, 0.1").isCloseTo(0, within(1e-12));
        assertThat(Arrays.stream(t).min().orElseThrow()).isCloseTo(0, within(1e-12));
        assertThat(new TargetTransform(skewed, false).targets()[5]).as("the worst of a minimised one, 50")
                .isCloseTo(0, within(1e-12));
        for (int i = 0; i < t.length; i++) {
            for (int k = 0; k < t.length; k++) {
                assertThat(Double.compare(t[i], t[k])).isEqualTo(Double.compare(skewed[i], skewed[k]));
            }
        }
    }

    @Test
    void theWarpRemovesMuchOfTheSkewOfGeometricallySpreadValues() {
        double[] values = {1, 2, 4, 8, 16, 32, 64, 128, 256, 512};
        double[] plain = new TargetTransform(Arrays.copyOf(values, 3), true).targets();
        double[] t = new TargetTransform(values, true).targets();

        // Three points are not warped: the plain standardisation of 1, 2, 4 keeps its skew.
        assertThat(skewness(plain)).isGreaterThan(0.3);
        assertThat(skewness(standardised(values))).isGreaterThan(1.5);
        assertThat(Math.abs(skewness(t))).isLessThan(0.4 * skewness(standardised(values)));
    }

    private static double[] standardised(double[] v) {
        double mean = Arrays.stream(v).average().orElseThrow();
        double sd = Math.sqrt(Arrays.stream(v).map(x -> (x - mean) * (x - mean)).average().orElseThrow());
        return Arrays.stream(v).map(x -> (x - mean) / sd).toArray();
    }

    private static double skewness(double[] v) {
        return Arrays.stream(standardised(v)).map(x -> x * x * x).average().orElseThrow();
    }

    @Test
    void aConstantObjectiveGivesZeroTargetsAndMarginInObjectiveUnits() {
        TargetTransform constant = new TargetTransform(new double[]{3, 3, 3, 3, 3}, true);
        TargetTransform linear = new TargetTransform(new double[]{1, 2, 3}, true);

        assertThat(constant.targets()).containsOnly(0.0);
        // Three points are too few to warp: targets are (y − 2) / √(2/3), so a margin of 0.5 is 0.5 / √(2/3).
        assertThat(linear.improvement(0.5)).isCloseTo(0.5 / Math.sqrt(2.0 / 3), within(1e-12));
    }

    @Test
    void boxCoxAppliesOnlyToAMinimisedObjectiveWithFourOrMorePositiveUnequalValues() {
        assertThat(TargetTransform.boxCoxApplies(skewed, false)).isTrue();
        assertThat(TargetTransform.boxCoxApplies(skewed, true)).as("maximised").isFalse();
        assertThat(TargetTransform.boxCoxApplies(new double[]{1, 2, 3}, false)).as("three values").isFalse();
        assertThat(TargetTransform.boxCoxApplies(new double[]{1, 2, 0, 3}, false)).as("a zero").isFalse();
        assertThat(TargetTransform.boxCoxApplies(new double[]{2, 2, 2, 2}, false)).as("constant").isFalse();
        assertThatThrownBy(() -> new TargetTransform(skewed, true, TargetTransform.Warp.BOX_COX))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minimised");
    }

    @Test
    void boxCoxKeepsValuesNearTheMinimumApartWhereYeoJohnsonCrushesThem() {
        // Goldstein-Price-like: a minimum of 3 beside values of a million.
        double[] values = {3, 4, 30, 84, 900, 12_000, 250_000, 1_000_000};
        TargetTransform yeoJohnson = new TargetTransform(values, false);
        TargetTransform boxCox = new TargetTransform(values, false, TargetTransform.Warp.BOX_COX);

        double[] t = boxCox.targets();
        assertThat(argmax(t)).isZero();
        assertThat(t[t.length - 1]).as("the worst, 10⁶").isCloseTo(0, within(1e-12));
        assertThat(boxCox.apply(1_000_000)).isCloseTo(0, within(1e-12));
        for (int i = 1; i < t.length; i++) {
            assertThat(t[i]).isLessThan(t[i - 1]);
        }
        double gapBoxCox = t[0] - t[1];
        double gapYeoJohnson = yeoJohnson.targets()[0] - yeoJohnson.targets()[1];
        assertThat(gapBoxCox).as("3 and 4 in standard deviations").isGreaterThan(0.05)
                .isGreaterThan(100 * gapYeoJohnson);
    }

    @Test
    void boxCoxCapsTheMarginAtHalfTheBestValue() {
        double[] values = {0.02, 0.5, 1.5, 7, 40};
        TargetTransform t = new TargetTransform(values, false, TargetTransform.Warp.BOX_COX);

        assertThat(t.improvement(0.005)).isCloseTo(t.apply(0.015) - t.apply(0.02), within(1e-12));
        assertThat(t.improvement(0.5)).isCloseTo(t.apply(0.01) - t.apply(0.02), within(1e-12)).isPositive();
    }

    @Test
    void theLogJacobianIsTheSumOfLogSlopesOfTheTargetsInTheValues() {
        double[] values = {0.02, 0.5, 1.5, 7, 40, 3.3};
        int[] all = {0, 1, 2, 3, 4, 5};
        for (TargetTransform t : new TargetTransform[]{new TargetTransform(values, false),
                new TargetTransform(values, true), new TargetTransform(values, false, TargetTransform.Warp.BOX_COX)}) {
            double expected = 0;
            for (double v : values) {
                double h = 1e-6 * v;
                expected += Math.log(Math.abs(t.apply(v + h) - t.apply(v - h)) / (2 * h));
            }
            assertThat(t.logJacobian(all)).as("%s", t.warp()).isCloseTo(expected, within(1e-5));
            assertThat(t.logJacobian(new int[]{3})).isCloseTo(
                    Math.log(Math.abs(t.apply(7 + 7e-6) - t.apply(7 - 7e-6)) / 1.4e-5), within(1e-5));
        }
        assertThat(new TargetTransform(new double[]{3, 3, 3, 3}, false).logJacobian(new int[]{0}))
                .isEqualTo(Double.NEGATIVE_INFINITY);
    }

    private static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }
}
