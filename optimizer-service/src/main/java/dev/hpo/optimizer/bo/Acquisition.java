package dev.hpo.optimizer.bo;

/**
 * An acquisition function: the utility of evaluating a point whose latent objective is, under the surrogate,
 * normal with mean μ and standard deviation σ. Everything is in standardised target units where larger is better;
 * a minimised objective is negated before it reaches the surrogate (see {@link TargetTransform}).
 */
interface Acquisition {

    /** {@code a(μ, σ)}. */
    double value(double mean, double sd);

    /**
     * A strictly increasing transform of {@code a(μ, σ)}, the function the acquisition optimiser climbs, with
     * {@code ∂/∂μ} and {@code ∂/∂σ} written into {@code partials[0]} and {@code partials[1]}. EI and PI take the
     * logarithm: far from the incumbent they fall below 1e-300, where their gradients vanish in double precision
     * but log a stays smooth (Ament et al., "Unexpected Improvements to Expected Improvement", NeurIPS 2023).
     */
    double objective(double mean, double sd, double[] partials);
}
