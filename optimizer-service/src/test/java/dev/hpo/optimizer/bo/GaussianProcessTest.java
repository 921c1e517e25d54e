package dev.hpo.optimizer.bo;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class GaussianProcessTest {

    private static final double NOISE = 0.01;
    private final GpHyperparameters unit = new GpHyperparameters(new double[]{1.0}, 1.0, NOISE);

    @Test
    void twoPointPosteriorMatchesTheHandComputedFormula() {
        GaussianProcess gp = GaussianProcess.fit(new RbfKernel(), unit, new double[][]{{0.0}, {1.0}},
                new double[]{1.0, -0.5});

        // K = [[a, b], [b, a]] with a = 1 + σ_n², b = exp(−1/2); K⁻¹ = [[a, −b], [−b, a]] / (a² − b²).
        double a = 1 + NOISE;
        double b = Math.exp(-0.5);
        double det = a * a - b * b;
        double k1 = Math.exp(-0.5 * 0.3 * 0.3);
        double k2 = Math.exp(-0.5 * 0.7 * 0.7);
        double alpha1 = (a * 1.0 - b * -0.5) / det;
        double alpha2 = (-b * 1.0 + a * -0.5) / det;
        double mean = k1 * alpha1 + k2 * alpha2;
        double variance = 1 - (a * k1 * k1 - 2 * b * k1 * k2 + a * k2 * k2) / det;

        double[] mv = gp.predictWithGradient(new double[]{0.3}, new double[1], new double[1]);
        double[] means = new double[1];
        double[] variances = new double[1];
        gp.predict(new double[][]{{0.3}}, means, variances);

        assertThat(mv[0]).isCloseTo(mean, within(1e-12));
        assertThat(mv[1]).isCloseTo(variance, within(1e-12));
        assertThat(means[0]).isCloseTo(mean, within(1e-12));
        assertThat(variances[0]).isCloseTo(variance, within(1e-12));
        assertThat(gp.mean(new double[]{0.3})).isCloseTo(mean, within(1e-12));
    }

    @Test
    void matern52HasItsClosedFormAtUnitDistance() {
        Matern52Kernel k = new Matern52Kernel();
        double s5 = Math.sqrt(5);

        assertThat(k.correlation(0)).isEqualTo(1.0);
        assertThat(k.correlation(1)).isCloseTo((1 + s5 + 5.0 / 3) * Math.exp(-s5), within(1e-15));
        // dg/d(r²) by central differences
        double h = 1e-6;
        assertThat(k.derivative(0.7)).isCloseTo((k.correlation(0.7 + h) - k.correlation(0.7 - h)) / (2 * h),
                within(1e-8));
        assertThat(k.derivative(0)).isCloseTo(-5.0 / 6, within(1e-15));
    }

    @Test
    void gradientsOfMeanAndVarianceMatchFiniteDifferences() {
        GpHyperparameters h = new GpHyperparameters(new double[]{0.3, 0.8}, 1.7, 1e-4);
        double[][] x = {{0.1, 0.2}, {0.5, 0.9}, {0.8, 0.4}, {0.3, 0.6}};
        GaussianProcess gp = GaussianProcess.fit(new Matern52Kernel(), h, x, new double[]{0.3, -1.2, 0.8, 0.1});
        double[] p = {0.42, 0.55};
        double[] dMean = new double[2];
        double[] dVar = new double[2];

        gp.predictWithGradient(p, dMean, dVar);

        double eps = 1e-6;
        for (int j = 0; j < 2; j++) {
            double[] up = p.clone();
            double[] down = p.clone();
            up[j] += eps;
            down[j] -= eps;
            double[] u = gp.predictWithGradient(up, new double[2], new double[2]);
            double[] dn = gp.predictWithGradient(down, new double[2], new double[2]);
            assertThat(dMean[j]).isCloseTo((u[0] - dn[0]) / (2 * eps), within(1e-6));
            assertThat(dVar[j]).isCloseTo((u[1] - dn[1]) / (2 * eps), within(1e-6));
        }
    }

    @Test
    void conditioningOnOneMorePointEqualsRefittingWithIt() {
        GpHyperparameters h = new GpHyperparameters(new double[]{0.4, 0.6}, 1.3, 1e-3);
        double[][] x = {{0.1, 0.2}, {0.5, 0.9}, {0.8, 0.4}};
        double[] y = {0.3, -1.2, 0.8};
        double[][] more = {{0.1, 0.2}, {0.5, 0.9}, {0.8, 0.4}, {0.35, 0.45}};
        double[] yMore = {0.3, -1.2, 0.8, 0.55};

        GaussianProcess conditioned = GaussianProcess.fit(new Matern52Kernel(), h, x, y)
                .condition(new double[]{0.35, 0.45}, 0.55);
        GaussianProcess refitted = GaussianProcess.fit(new Matern52Kernel(), h, more, yMore);

        double[] p = {0.6, 0.3};
        double[] a = conditioned.predictWithGradient(p, new double[2], new double[2]);
        double[] b = refitted.predictWithGradient(p, new double[2], new double[2]);
        assertThat(conditioned.size()).isEqualTo(4);
        assertThat(a[0]).isCloseTo(b[0], within(1e-10));
        assertThat(a[1]).isCloseTo(b[1], within(1e-10));
    }

    @Test
    void duplicateInputsWithTinyNoiseStillFactorAndAverageTheTargets() {
        GpHyperparameters h = new GpHyperparameters(new double[]{0.5}, 1.0, 1e-6);
        double[][] x = {{0.5}, {0.5}, {0.5}};

        GaussianProcess gp = GaussianProcess.fit(new Matern52Kernel(), h, x, new double[]{1.0, 2.0, 3.0});

        assertThat(gp.mean(new double[]{0.5})).isCloseTo(2.0, within(1e-3));
    }
}
