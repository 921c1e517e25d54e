package dev.hpo.optimizer.bo;

/**
 * The probability that a constrained metric g lies within its bounds at x, under a GP posterior of g that is
 * normal with mean μ and standard deviation σ (Gardner et al., "Bayesian Optimization with Inequality
 * Constraints", ICML 2014; Gelbart, Snoek and Adams, "Bayesian Optimization with Unknown Constraints", UAI 2014):
 * <pre>
 *   PoF(x) = P(l ≤ g(x) ≤ u) = Φ((u − μ) / σ) − Φ((l − μ) / σ)
 * </pre>
 * with l = −∞ (Φ(−∞) = 0) when there is no lower bound and u = +∞ (Φ(+∞) = 1) when there is no upper one, all in
 * the constraint GP's standardised units, and Φ the standard normal distribution function.
 *
 * @param lower l, or {@link Double#NEGATIVE_INFINITY} for none
 * @param upper u, or {@link Double#POSITIVE_INFINITY} for none
 */
record ProbabilityOfFeasibility(double lower, double upper) implements Acquisition {

    ProbabilityOfFeasibility {
        if (!(lower < upper) || lower == Double.NEGATIVE_INFINITY && upper == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("need lower < upper and at least one finite bound; got lower "
                    + lower + ", upper " + upper);
        }
    }

    /** Whether {@code value} lies within the bounds. */
    boolean holds(double value) {
        return lower <= value && value <= upper;
    }

    @Override
    public double value(double mean, double sd) {
        return StandardNormal.cdf((upper - mean) / sd) - StandardNormal.cdf((lower - mean) / sd);
    }

    /**
     * {@code log PoF}. A one-sided bound is a probability of improvement with ξ = 0, {@code P(g ≥ l) = PI(μ; l)}
     * and {@code P(g ≤ u) = PI(−μ; −u)}, whose logarithm stays finite far in the tail. Two bounds give
     * {@code ∂PoF/∂μ = (φ(z_l) − φ(z_u)) / σ} and {@code ∂PoF/∂σ = (z_l φ(z_l) − z_u φ(z_u)) / σ}, with
     * {@code z_b = (b − μ) / σ}; where that difference underflows, the nearer one-sided bound stands in for it
     * (an upper bound on PoF that keeps a gradient pointing into the interval).
     */
    @Override
    public double objective(double mean, double sd, double[] partials) {
        if (upper == Double.POSITIVE_INFINITY) {
            return new ProbabilityOfImprovement(lower, 0).objective(mean, sd, partials);
        }
        if (lower == Double.NEGATIVE_INFINITY) {
            return upperOnly(mean, sd, partials);
        }
        double zl = (lower - mean) / sd;
        double zu = (upper - mean) / sd;
        // Both tails computed where they are accurate: above the mean, 1 − Φ(z) = Φ(−z) without cancellation.
        double p = zl > 0 ? StandardNormal.cdf(-zl) - StandardNormal.cdf(-zu)
                : StandardNormal.cdf(zu) - StandardNormal.cdf(zl);
        if (!(p > 1e-300)) {
            return zl > 0 ? new ProbabilityOfImprovement(lower, 0).objective(mean, sd, partials)
                    : upperOnly(mean, sd, partials);
        }
        double dl = StandardNormal.density(zl);
        double du = StandardNormal.density(zu);
        partials[0] = (dl - du) / (sd * p);
        partials[1] = (zl * dl - zu * du) / (sd * p);
        return Math.log(p);
    }

    /** {@code log P(g ≤ u) = log PI(−μ; −u)}: the partial in μ changes sign, the one in σ does not. */
    private double upperOnly(double mean, double sd, double[] partials) {
        double log = new ProbabilityOfImprovement(-upper, 0).objective(-mean, sd, partials);
        partials[0] = -partials[0];
        return log;
    }
}
