package dev.hpo.optimizer.bo;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class HyperparameterFitterTest {

    private final HyperparameterFitter fitter = new HyperparameterFitter(new Matern52Kernel());

    @Test
    void anIrrelevantDimensionGetsAFarLongerLengthScaleThanTheRelevantOne() {
        SplittableRandom random = new SplittableRandom(11);
        double[][] x = new double[30][];
        double[] y = new double[30];
        for (int i = 0; i < x.length; i++) {
            x[i] = new double[]{random.nextDouble(), random.nextDouble()};
            y[i] = Math.sin(6 * x[i][0]);
        }

        GpHyperparameters h = fitter.fit(x, standardise(y), null, new SplittableRandom(1));

        assertThat(h.lengthScales()[0]).isBetween(0.05, 1.0);
        assertThat(h.lengthScales()[1]).isGreaterThan(5 * h.lengthScales()[0]);
        assertThat(h.noiseVariance()).isLessThan(1e-2);
    }

    @Test
    void theEvidencePrefersTheWarpUnderWhichTheValuesAreASmoothFunction() {
        // A loss that is smooth in log space: exp(4 sin 6x₀), from 0.018 to 55.
        SplittableRandom random = new SplittableRandom(12);
        double[][] x = new double[25][];
        double[] values = new double[25];
        for (int i = 0; i < x.length; i++) {
            x[i] = new double[]{random.nextDouble(), random.nextDouble()};
            values[i] = Math.exp(4 * Math.sin(6 * x[i][0]));
        }
        TargetTransform yeoJohnson = new TargetTransform(values, false);
        TargetTransform boxCox = new TargetTransform(values, false, TargetTransform.Warp.BOX_COX);

        double yj = fitter.logEvidence(x, yeoJohnson, fitter.fit(x, yeoJohnson.targets(), null,
                new SplittableRandom(1)));
        double bc = fitter.logEvidence(x, boxCox, fitter.fit(x, boxCox.targets(), null, new SplittableRandom(1)));

        assertThat(Double.isFinite(yj)).isTrue();
        assertThat(bc).as("Box-Cox %s against Yeo-Johnson %s", bc, yj).isGreaterThan(yj + 10);
    }

    @Test
    void oneObservationAndAConstantObjectiveGiveFiniteHyperparameters() {
        GpHyperparameters one = fitter.fit(new double[][]{{0.5, 0.5}}, new double[]{0}, null,
                new SplittableRandom(1));
        GpHyperparameters flat = fitter.fit(new double[][]{{0.1, 0.2}, {0.7, 0.3}, {0.4, 0.9}},
                new double[]{0, 0, 0}, null, new SplittableRandom(1));

        for (GpHyperparameters h : new GpHyperparameters[]{one, flat}) {
            for (double l : h.lengthScales()) {
                assertThat(l).isBetween(1e-2, 1e2);
            }
            assertThat(h.signalVariance()).isBetween(5e-2, 20.0);
            assertThat(h.noiseVariance()).isBetween(1e-6, 1.0);
        }
    }

    @Test
    void aWarmStartAtTheOptimumStaysThere() {
        SplittableRandom random = new SplittableRandom(4);
        double[][] x = new double[20][];
        double[] y = new double[20];
        for (int i = 0; i < x.length; i++) {
            x[i] = new double[]{random.nextDouble(), random.nextDouble()};
            y[i] = Math.cos(4 * x[i][0]) + x[i][1];
        }
        double[] t = standardise(y);
        GpHyperparameters cold = fitter.fit(x, t, null, new SplittableRandom(1));

        GpHyperparameters warm = fitter.fit(x, t, cold, new SplittableRandom(2));

        for (int j = 0; j < 2; j++) {
            assertThat(Math.log(warm.lengthScales()[j])).isCloseTo(Math.log(cold.lengthScales()[j]),
                    within(0.05));
        }
    }

    private static double[] standardise(double[] y) {
        double mean = Arrays.stream(y).average().orElseThrow();
        double sd = Math.sqrt(Arrays.stream(y).map(v -> (v - mean) * (v - mean)).average().orElseThrow());
        return Arrays.stream(y).map(v -> (v - mean) / sd).toArray();
    }
}
