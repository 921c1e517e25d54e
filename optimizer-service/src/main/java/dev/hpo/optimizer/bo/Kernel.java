package dev.hpo.optimizer.bo;

/**
 * A stationary correlation function of the ARD-scaled squared distance between two points,
 * {@code r² = Σ_j (x_j − x'_j)² / ℓ_j²} with one length scale {@code ℓ_j} per dimension (automatic relevance
 * determination, Rasmussen and Williams 2006, section 5.1); the covariance is {@code σ_f² g(r²)}.
 */
public sealed interface Kernel permits Matern52Kernel, RbfKernel {

    /** {@code g(r²)}, with {@code g(0) = 1}. */
    double correlation(double r2);

    /** {@code dg/d(r²)}, finite at {@code r² = 0}. */
    double derivative(double r2);
}
