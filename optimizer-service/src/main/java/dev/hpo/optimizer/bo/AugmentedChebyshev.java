package dev.hpo.optimizer.bo;

import java.util.Arrays;

/**
 * ParEGO's scalarisation of several objectives into one (Knowles, "ParEGO: a hybrid algorithm with on-line
 * landscape approximation for expensive multiobjective optimization problems", IEEE TEC 10(1), 2006, eq. 2):
 * <pre>
 *   f_λ(x) = max_j ( λ_j · c_j(x) ) + ρ · Σ_j λ_j · c_j(x)
 * </pre>
 * where c_j(x) ∈ [0, 1] is objective j normalised as a cost (0 at the best observed value, 1 at the worst), λ a
 * weight vector on the simplex (λ_j ≥ 0, Σ λ_j = 1) and ρ = 0.05 Knowles' augmentation, which separates points
 * that the max alone ties (weakly dominated ones). Smaller is better; every Pareto-optimal point minimises f_λ
 * for some λ, even on a non-convex front, which a weighted sum cannot do.
 *
 * @param weights λ
 */
record AugmentedChebyshev(double[] weights) {

    /** Knowles' augmentation weight ρ. */
    static final double RHO = 0.05;

    AugmentedChebyshev {
        weights = weights.clone();
        double sum = Arrays.stream(weights).sum();
        if (Arrays.stream(weights).anyMatch(w -> !(w >= 0)) || Math.abs(sum - 1) > 1e-9) {
            throw new IllegalArgumentException("weights " + Arrays.toString(weights)
                    + " must be >= 0 and sum to 1");
        }
    }

    /** f_λ for the normalised costs {@code costs} (one per objective, each in [0, 1]). */
    double apply(double[] costs) {
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (int j = 0; j < weights.length; j++) {
            double term = weights[j] * costs[j];
            max = Math.max(max, term);
            sum += term;
        }
        return max + RHO * sum;
    }
}
