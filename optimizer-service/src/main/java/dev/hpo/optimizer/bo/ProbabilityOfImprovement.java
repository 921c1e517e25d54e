package dev.hpo.optimizer.bo;

/**
 * Probability of improvement (Kushner 1964) over the incumbent f* by at least ξ:
 * <pre>
 *   PI(x) = P(f(x) ≥ f* + ξ) = Φ(z),   z = (μ − f* − ξ) / σ
 * </pre>
 * where μ and σ are the posterior mean and standard deviation at x, f* the incumbent (the best target), ξ ≥ 0
 * the margin (larger ξ explores more), all in target units (the strategy converts the configured ξ from the
 * objective's units), and Φ the standard normal distribution function.
 *
 * @param best f*, the incumbent
 * @param xi   ξ, the margin
 */
record ProbabilityOfImprovement(double best, double xi) implements Acquisition {

    private static final double TAIL = -20;

    @Override
    public double value(double mean, double sd) {
        return StandardNormal.cdf((mean - best - xi) / sd);
    }

    /**
     * {@code log PI = log Φ(z)}, with {@code ∂/∂μ = φ(z) / (σ Φ(z))} and {@code ∂/∂σ = −z φ(z) / (σ Φ(z))}.
     */
    @Override
    public double objective(double mean, double sd, double[] partials) {
        double z = (mean - best - xi) / sd;
        double densityOverCdf;
        double log;
        if (z >= TAIL) {
            double cdf = StandardNormal.cdf(z);
            densityOverCdf = StandardNormal.density(z) / cdf;
            log = Math.log(cdf);
        } else {
            double mills = MillsRatio.lowerTail(z);
            densityOverCdf = 1 / mills;
            log = StandardNormal.logDensity(z) + Math.log(mills);
        }
        partials[0] = densityOverCdf / sd;
        partials[1] = -z * densityOverCdf / sd;
        return log;
    }
}
