package dev.hpo.optimizer.bo;

/**
 * Upper confidence bound (Srinivas, Krause, Kakade and Seeger, "Gaussian Process Optimization in the Bandit
 * Setting", ICML 2010):
 * <pre>
 *   UCB(x) = μ + κ σ
 * </pre>
 * where μ and σ are the posterior mean and standard deviation at x and κ ≥ 0 weighs exploration (κ = 0 is pure
 * exploitation; the default 2.576 is the 99.5% normal quantile).
 *
 * @param kappa κ
 */
record UpperConfidenceBound(double kappa) implements Acquisition {

    @Override
    public double value(double mean, double sd) {
        return mean + kappa * sd;
    }

    /** UCB itself, with {@code ∂/∂μ = 1} and {@code ∂/∂σ = κ}. */
    @Override
    public double objective(double mean, double sd, double[] partials) {
        partials[0] = 1;
        partials[1] = kappa;
        return value(mean, sd);
    }
}
