package dev.hpo.optimizer.bo;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MarginalLikelihoodTest {

    @Test
    void twoPointLikelihoodMatchesTheHandComputedGaussianDensity() {
        double noise = 0.1;
        MarginalLikelihood ml = new MarginalLikelihood(new RbfKernel(), new double[][]{{0.0}, {1.0}},
                new double[]{1.0, -1.0});
        double[] theta = new GpHyperparameters(new double[]{1.0}, 1.0, noise).toLogVector();

        double value = ml.valueAndGradient(theta, new double[3]);

        // y = (1, −1) is an eigenvector of K = [[a, b], [b, a]] with eigenvalue a − b.
        double a = 1 + noise;
        double b = Math.exp(-0.5);
        double expected = -0.5 * 2 / (a - b) - 0.5 * Math.log(a * a - b * b) - Math.log(2 * Math.PI);
        assertThat(value).isCloseTo(expected, within(1e-12));
    }

    @Test
    void gradientMatchesFiniteDifferencesInEveryHyperparameter() {
        double[][] x = {{0.1, 0.2}, {0.5, 0.9}, {0.8, 0.4}, {0.3, 0.6}, {0.9, 0.95}};
        MarginalLikelihood ml = new MarginalLikelihood(new Matern52Kernel(), x,
                new double[]{0.3, -1.2, 0.8, 0.1, -0.4});
        double[] theta = {Math.log(0.3), Math.log(0.7), Math.log(1.4), Math.log(0.02)};
        double[] gradient = new double[4];

        ml.valueAndGradient(theta, gradient);

        double eps = 1e-6;
        for (int p = 0; p < theta.length; p++) {
            double[] up = theta.clone();
            double[] down = theta.clone();
            up[p] += eps;
            down[p] -= eps;
            double numeric = (ml.valueAndGradient(up, new double[4]) - ml.valueAndGradient(down, new double[4]))
                    / (2 * eps);
            assertThat(gradient[p]).as("∂/∂θ_%d", p).isCloseTo(numeric, within(1e-6));
        }
    }
}
