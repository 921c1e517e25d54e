package dev.hpo.optimizer.strategy;

/**
 * How a study searches: the strategy and, for Bayesian optimisation, its acquisition function and initial design.
 *
 * @param type          which strategy proposes configurations
 * @param acquisition   the acquisition function of Bayesian optimisation; null means {@link AcquisitionType#EI}
 * @param xi            exploration margin of EI and PI, in the objective's own units (as in scikit-optimize): an
 *                      improvement smaller than this counts for less; null means {@value #DEFAULT_XI}
 * @param kappa         weight of the posterior standard deviation in UCB (in standardised units); null means
 *                      {@value #DEFAULT_KAPPA}
 * @param initialPoints size of the space-filling design before the surrogate takes over; null means three per
 *                      encoded dimension of the search space (KerasTuner's default)
 * @param seed          seed of every random choice, so that the same history gives the same suggestions
 */
public record StrategyConfig(Type type, AcquisitionType acquisition, Double xi, Double kappa, Integer initialPoints,
                             long seed) {

    /** The default exploration margin of EI and PI (scikit-optimize's and KerasTuner's). */
    public static final double DEFAULT_XI = 0.01;

    /** The default UCB weight: the 99.5% normal quantile (scikit-optimize's {@code kappa}). */
    public static final double DEFAULT_KAPPA = 2.576;

    /** The search strategies. */
    public enum Type { BAYESIAN, RANDOM, GRID }

    /** The acquisition functions: expected improvement, probability of improvement, upper confidence bound. */
    public enum AcquisitionType { EI, PI, UCB }

    public StrategyConfig {
        if (type == null) {
            throw new IllegalArgumentException("type must be one of BAYESIAN, RANDOM, GRID, got null");
        }
        acquisition = acquisition == null ? AcquisitionType.EI : acquisition;
        xi = xi == null ? DEFAULT_XI : xi;
        kappa = kappa == null ? DEFAULT_KAPPA : kappa;
        if (!(xi >= 0) || Double.isInfinite(xi)) {
            throw new IllegalArgumentException("xi (" + xi + ") must be a finite number >= 0");
        }
        if (!(kappa >= 0) || Double.isInfinite(kappa)) {
            throw new IllegalArgumentException("kappa (" + kappa + ") must be a finite number >= 0");
        }
        if (initialPoints != null && initialPoints < 1) {
            throw new IllegalArgumentException("initialPoints (" + initialPoints + ") must be >= 1");
        }
    }

    /** The given strategy with every other setting at its default. */
    public static StrategyConfig of(Type type, long seed) {
        return new StrategyConfig(type, null, null, null, null, seed);
    }
}
