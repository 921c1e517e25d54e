package dev.hpo.optimizer.bo;

/**
 * Expected improvement (Mockus 1978; Jones, Schonlau and Welch 1998) over the incumbent f*, with margin ξ:
 * <pre>
 *   EI(x) = E[max(f(x) − f* − ξ, 0)] = (μ − f* − ξ) Φ(z) + σ φ(z) = σ h(z),
 *   z = (μ − f* − ξ) / σ,   h(z) = φ(z) + z Φ(z)
 * </pre>
 * where μ and σ are the posterior mean and standard deviation at x, f* the incumbent (the best target), ξ ≥ 0
 * the improvement below which a gain counts for less (larger ξ explores more), all in target units (the strategy
 * converts the configured ξ from the objective's units), and φ, Φ the standard normal density and distribution
 * function.
 *
 * @param best f*, the incumbent
 * @param xi   ξ, the exploration margin
 */
record ExpectedImprovement(double best, double xi) implements Acquisition {

    /** Below this z, h(z) comes from its asymptotic series instead of φ + zΦ, which underflow. */
    private static final double TAIL = -20;

    @Override
    public double value(double mean, double sd) {
        double z = (mean - best - xi) / sd;
        return sd * h(z);
    }

    /**
     * {@code log EI = log σ + log h(z)}, with {@code ∂EI/∂μ = Φ(z)} and {@code ∂EI/∂σ = φ(z)}, so
     * {@code ∂log EI/∂μ = Φ(z) / (σ h(z))} and {@code ∂log EI/∂σ = φ(z) / (σ h(z))}.
     */
    @Override
    public double objective(double mean, double sd, double[] partials) {
        double z = (mean - best - xi) / sd;
        if (z >= TAIL) {
            double h = h(z);
            partials[0] = StandardNormal.cdf(z) / (sd * h);
            partials[1] = StandardNormal.density(z) / (sd * h);
            return Math.log(sd) + Math.log(h);
        }
        // h(z) = φ(z) s(z), s(z) = 1/z² − 3/z⁴ + 15/z⁶ − 105/z⁸ + ..., and Φ(z) = φ(z) r(z), r the Mills ratio
        // (Abramowitz and Stegun 26.2.12).
        double s = tailSeries(z);
        double mills = MillsRatio.lowerTail(z);
        partials[0] = mills / (sd * s);
        partials[1] = 1 / (sd * s);
        return Math.log(sd) + StandardNormal.logDensity(z) + Math.log(s);
    }

    private static double h(double z) {
        if (z < TAIL) {
            return StandardNormal.density(z) * tailSeries(z);
        }
        return StandardNormal.density(z) + z * StandardNormal.cdf(z);
    }

    private static double tailSeries(double z) {
        double w = 1 / (z * z);
        return w * (1 - w * (3 - w * (15 - 105 * w)));
    }
}
