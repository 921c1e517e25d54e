package dev.hpo.optimizer.bo;

/**
 * Turns observed objective values into the surrogate's targets: negated when the objective is minimised, so that
 * larger is always better; standardised; warped by a fitted {@link YeoJohnson} transform, which is monotone and so
 * keeps the order of the observations; and standardised again to mean 0 and standard deviation 1, which makes the
 * hyperparameter priors scale-free. A constant objective gives all-zero targets.
 */
final class TargetTransform {

    /** Fewer observations say too little about their distribution to fit a warp. */
    private static final int MIN_WARP_POINTS = 4;

    private final boolean maximize;
    private final Standardisation first;
    private final double lambda;
    private final Standardisation second;
    private final double[] targets;
    private final double bestValue;

    TargetTransform(double[] values, boolean maximize) {
        this.maximize = maximize;
        int n = values.length;
        double[] oriented = new double[n];
        double best = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            oriented[i] = maximize ? values[i] : -values[i];
            best = Math.max(best, oriented[i]);
        }
        this.bestValue = maximize ? best : -best;
        this.first = Standardisation.of(oriented);
        double[] standard = new double[n];
        for (int i = 0; i < n; i++) {
            standard[i] = first.apply(oriented[i]);
        }
        this.lambda = n >= MIN_WARP_POINTS ? YeoJohnson.fitLambda(standard) : 1.0;
        double[] warped = new double[n];
        for (int i = 0; i < n; i++) {
            warped[i] = YeoJohnson.transform(standard[i], lambda);
        }
        this.second = Standardisation.of(warped);
        this.targets = new double[n];
        for (int i = 0; i < n; i++) {
            targets[i] = second.apply(warped[i]);
        }
    }

    /** The standardised targets, larger is better. */
    double[] targets() {
        return targets.clone();
    }

    /** The target of any objective value, observed or not. */
    double apply(double value) {
        return second.apply(YeoJohnson.transform(first.apply(maximize ? value : -value), lambda));
    }

    /** The best target, the incumbent f*. */
    double best() {
        return apply(bestValue);
    }

    /**
     * An improvement of {@code margin} over the best observation, in the objective's own units, expressed in
     * target units: {@code T(best ± margin) − T(best)} (plus for a maximised objective, minus for a minimised one).
     */
    double improvement(double margin) {
        return improvement(bestValue, margin);
    }

    /** An improvement of {@code margin} over {@code value} (both in the objective's units), in target units. */
    double improvement(double value, double margin) {
        return apply(maximize ? value + margin : value - margin) - apply(value);
    }
}
