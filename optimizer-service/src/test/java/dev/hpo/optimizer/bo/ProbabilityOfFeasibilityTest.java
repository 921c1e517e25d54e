package dev.hpo.optimizer.bo;

import org.hipparchus.distribution.continuous.NormalDistribution;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ProbabilityOfFeasibilityTest {

    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void valueIsTheNormalProbabilityOfTheBoundsInterval() {
        // g ~ N(1, 2²): P(g ≥ 0.6) = 1 − F(0.6), P(g ≤ 1.4) = F(1.4), P(0.6 ≤ g ≤ 3) = F(3) − F(0.6)
        NormalDistribution g = new NormalDistribution(1.0, 2.0);
        assertThat(new ProbabilityOfFeasibility(0.6, INF).value(1.0, 2.0))
                .isCloseTo(1 - g.cumulativeProbability(0.6), within(1e-12));
        assertThat(new ProbabilityOfFeasibility(-INF, 1.4).value(1.0, 2.0))
                .isCloseTo(g.cumulativeProbability(1.4), within(1e-12));
        assertThat(new ProbabilityOfFeasibility(0.6, 3.0).value(1.0, 2.0))
                .isCloseTo(g.cumulativeProbability(3.0) - g.cumulativeProbability(0.6), within(1e-12));
        // Φ(0.2) from tables (Abramowitz and Stegun 26.1), both one-sided bounds 0.4 (0.2 σ) from the mean
        assertThat(new ProbabilityOfFeasibility(0.6, INF).value(1.0, 2.0)).isCloseTo(0.579259709439103, within(1e-12));
    }

    @Test
    void logObjectiveEqualsTheLogarithmOfTheValueWithExactPartials() {
        ProbabilityOfFeasibility[] all = {new ProbabilityOfFeasibility(0.6, INF),
                new ProbabilityOfFeasibility(-INF, 1.4), new ProbabilityOfFeasibility(0.6, 3.0),
                new ProbabilityOfFeasibility(2.5, 4.0)};
        double h = 1e-6;
        for (ProbabilityOfFeasibility p : all) {
            double[] partials = new double[2];
            double objective = p.objective(1.0, 2.0, partials);
            assertThat(objective).as(p.toString()).isCloseTo(Math.log(p.value(1.0, 2.0)), within(1e-12));
            double dMean = (Math.log(p.value(1.0 + h, 2.0)) - Math.log(p.value(1.0 - h, 2.0))) / (2 * h);
            double dSd = (Math.log(p.value(1.0, 2.0 + h)) - Math.log(p.value(1.0, 2.0 - h))) / (2 * h);
            assertThat(partials[0]).as(p + " d/dμ").isCloseTo(dMean, within(1e-7));
            assertThat(partials[1]).as(p + " d/dσ").isCloseTo(dSd, within(1e-7));
        }
    }

    @Test
    void farFromTheBoundsTheLogStaysFiniteAndPointsBackToThem() {
        // P(g ≥ 40) with g ~ N(0, 1) underflows to 0; its log is about −804.6 (log φ(40) − log 40)
        double[] partials = new double[2];
        double log = new ProbabilityOfFeasibility(40, INF).objective(0, 1, partials);
        assertThat(log).isCloseTo(-0.5 * 1600 - 0.5 * Math.log(2 * Math.PI) - Math.log(40), within(1e-3));
        assertThat(partials[0]).isGreaterThan(39);
        double[] twoSided = new double[2];
        assertThat(new ProbabilityOfFeasibility(40, 41).objective(0, 1, twoSided)).isFinite();
        assertThat(twoSided[0]).isPositive();
        assertThat(new ProbabilityOfFeasibility(-41, -40).objective(0, 1, twoSided)).isFinite();
        assertThat(twoSided[0]).isNegative();
    }

    @Test
    void boundsMustLeaveAnInterval() {
        assertThatThrownBy(() -> new ProbabilityOfFeasibility(1, 0.5)).hasMessageContaining("lower 1.0, upper 0.5");
        assertThatThrownBy(() -> new ProbabilityOfFeasibility(-INF, INF)).hasMessageContaining("finite bound");
    }
}
