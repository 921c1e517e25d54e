package dev.hpo.optimizer.bo;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
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
    void targetsAreStandardisedAndKeepTheOrderOfTheValues() {
        double[] t = new TargetTransform(skewed, true).targets();

        assertThat(Arrays.stream(t).average().orElseThrow()).isCloseTo(0, within(1e-12));
        assertThat(Arrays.stream(t).map(v -> v * v).sum() / t.length).isCloseTo(1, within(1e-12));
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
