package dev.hpo.common.study;

/**
 * The study's strategy section.
 *
 * @param xi            exploration margin of PI and EI, in the objective's own units (0.01 = one point of
 *                      recall), as in scikit-optimize
 * @param kappa         exploration weight of UCB (mean + kappa * sd)
 * @param initialPoints quasi-random points before the surrogate is used; null = 3 x dimensions
 * @param seed          makes the suggestions reproducible
 */
public record StrategySpec(StrategyType type, Acquisition acquisition, double xi, double kappa,
                           Integer initialPoints, long seed) {

    public static final double DEFAULT_XI = 0.01;
    public static final double DEFAULT_KAPPA = 2.576;
}
