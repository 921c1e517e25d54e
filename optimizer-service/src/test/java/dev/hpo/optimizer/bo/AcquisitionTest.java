package dev.hpo.optimizer.bo;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AcquisitionTest {

    // Φ(0.2) and φ(0.2), from tables (Abramowitz and Stegun 26.1).
    private static final double CDF_02 = 0.579259709439103;
    private static final double PDF_02 = 0.391042693975456;

    @Test
    void expectedImprovementHasItsClosedForm() {
        // μ = 1, σ = 2, f* = 0.5, ξ = 0.1: z = 0.2, EI = 0.4 Φ(0.2) + 2 φ(0.2)
        assertThat(new ExpectedImprovement(0.5, 0.1).value(1.0, 2.0))
                .isCloseTo(0.4 * CDF_02 + 2 * PDF_02, within(1e-12));
        // far below the incumbent EI is positive but tiny; far above it is μ − f* − ξ
        assertThat(new ExpectedImprovement(10, 0).value(0, 1)).isBetween(0.0, 1e-20);
        assertThat(new ExpectedImprovement(0, 0.1).value(10, 1e-3)).isCloseTo(9.9, within(1e-12));
    }

    @Test
    void probabilityOfImprovementAndUpperConfidenceBoundHaveTheirClosedForms() {
        assertThat(new ProbabilityOfImprovement(0.5, 0.1).value(1.0, 2.0)).isCloseTo(CDF_02, within(1e-12));
        assertThat(new UpperConfidenceBound(2.576).value(1.0, 2.0)).isCloseTo(6.152, within(1e-12));
    }

    @Test
    void logObjectivesEqualTheLogarithmOfTheValueAndHaveExactPartials() {
        List<Acquisition> all = List.of(new ExpectedImprovement(0.5, 0.1), new ProbabilityOfImprovement(0.5, 0.1),
                new UpperConfidenceBound(2.0));
        for (Acquisition a : all) {
            double[] partials = new double[2];
            double objective = a.objective(0.3, 0.7, partials);
            double expected = a instanceof UpperConfidenceBound ? a.value(0.3, 0.7) : Math.log(a.value(0.3, 0.7));
            assertThat(objective).as(a.toString()).isCloseTo(expected, within(1e-12));
            double h = 1e-6;
            double[] ignored = new double[2];
            assertThat(partials[0]).as(a + " ∂/∂μ").isCloseTo(
                    (a.objective(0.3 + h, 0.7, ignored) - a.objective(0.3 - h, 0.7, ignored)) / (2 * h), within(1e-6));
            assertThat(partials[1]).as(a + " ∂/∂σ").isCloseTo(
                    (a.objective(0.3, 0.7 + h, ignored) - a.objective(0.3, 0.7 - h, ignored)) / (2 * h), within(1e-6));
        }
    }

    @Test
    void logObjectivesStayFiniteAndContinuousFarBelowTheIncumbent() {
        double[] p = new double[2];
        ExpectedImprovement ei = new ExpectedImprovement(0, 0);
        ProbabilityOfImprovement pi = new ProbabilityOfImprovement(0, 0);

        // z = −19.9999 and −20.0001 fall on either side of the switch to the asymptotic series.
        assertThat(ei.objective(-20.0001, 1, p)).isCloseTo(ei.objective(-19.9999, 1, p), within(1e-2));
        assertThat(pi.objective(-20.0001, 1, p)).isCloseTo(pi.objective(-19.9999, 1, p), within(1e-2));
        // Φ(−20) = 2.7536241e-89, so log Φ(−20) = −203.917155; just below −20 the series takes over.
        assertThat(pi.objective(-20.000000001, 1, p)).isCloseTo(-203.917155, within(1e-5));
        double deep = ei.objective(-60, 1, p);
        assertThat(deep).isFinite().isLessThan(-1800);
        assertThat(p[0]).isCloseTo(60, within(0.1));
    }
}
