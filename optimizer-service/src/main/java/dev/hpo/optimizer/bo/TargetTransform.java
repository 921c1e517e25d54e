package dev.hpo.optimizer.bo;

import java.util.Arrays;

/**
 * Turns observed objective values into the surrogate's targets, larger always better, by one of two monotone
 * warps (which so keep the order of the observations), then standardises them to standard deviation 1, which makes
 * the hyperparameter priors scale-free, and places them so that the worst observation's target is 0:
 * <ul>
 *   <li>{@link Warp#YEO_JOHNSON}, for any objective: negated when minimised, standardised, and warped by a fitted
 *   {@link YeoJohnson} transform, which evens out a heavy tail on either side;</li>
 *   <li>{@link Warp#BOX_COX}, for a minimised objective whose values are all positive (a loss, an error, a time):
 *   divided by their geometric mean, warped by a fitted {@link BoxCox} transform and negated. Near λ = 0 it is a
 *   logarithm, which keeps apart values close to the minimum that a spread of orders of magnitude would otherwise
 *   crush together (3 and 4 beside 10⁶).</li>
 * </ul>
 * Which warp models a study's values better is the strategy's to decide ({@link #logJacobian} makes their GP
 * likelihoods comparable). A constant objective gives all-zero targets.
 *
 * <p>The GP's prior mean is zero, so it stands at the <em>worst</em> observation rather than at their average: far
 * from the data the surrogate expects the worst seen, not an average value. De Ath, Fieldsend and Everson ("What do
 * you Mean? The Role of the Mean Function in Bayesian Optimisation", GECCO 2020) found this constant mean
 * consistently the best of eight on synthetic problems of 5 or more dimensions: an unexplored corner no longer
 * promises an average value, and the search spends fewer evaluations on the box's boundary (on Hartmann6, half of
 * the model-chosen evaluations had two or more coordinates on it before, and 29% fell where the function is flat).
 * The hyperparameters are fitted to the same targets, so the fit and the posterior agree on the mean.
 */
final class TargetTransform {

    /** The warp applied before the final standardisation. */
    enum Warp { YEO_JOHNSON, BOX_COX }

    /** Fewer observations say too little about their distribution to fit a warp. */
    private static final int MIN_WARP_POINTS = 4;

    private final boolean maximize;
    private final Warp warp;
    /** Yeo-Johnson: the standardisation of the oriented values; Box-Cox: division by the geometric mean. */
    private final Standardisation first;
    private final double lambda;
    private final Standardisation second;
    private final double[] values;
    private final double[] targets;
    private final double bestValue;

    /** The Yeo-Johnson transform of {@code values}. */
    TargetTransform(double[] values, boolean maximize) {
        this(values, maximize, Warp.YEO_JOHNSON);
    }

    /** @throws IllegalArgumentException for {@link Warp#BOX_COX} where {@link #boxCoxApplies} is false */
    TargetTransform(double[] values, boolean maximize, Warp warp) {
        if (warp == Warp.BOX_COX && !boxCoxApplies(values, maximize)) {
            throw new IllegalArgumentException("Box-Cox needs a minimised objective with " + MIN_WARP_POINTS
                    + " or more positive, not all equal values");
        }
        this.maximize = maximize;
        this.warp = warp;
        this.values = values.clone();
        int n = values.length;
        double best = Double.NEGATIVE_INFINITY;
        double[] oriented = new double[n];
        for (int i = 0; i < n; i++) {
            oriented[i] = maximize ? values[i] : -values[i];
            best = Math.max(best, oriented[i]);
        }
        this.bestValue = maximize ? best : -best;
        double[] scaled = new double[n];
        if (warp == Warp.BOX_COX) {
            double logSum = 0;
            for (double v : values) {
                logSum += Math.log(v);
            }
            this.first = new Standardisation(0, Math.exp(logSum / n));
            for (int i = 0; i < n; i++) {
                scaled[i] = first.apply(values[i]);
            }
            this.lambda = BoxCox.fitLambda(scaled);
        } else {
            this.first = Standardisation.of(oriented);
            for (int i = 0; i < n; i++) {
                scaled[i] = first.apply(oriented[i]);
            }
            this.lambda = n >= MIN_WARP_POINTS ? YeoJohnson.fitLambda(scaled) : 1.0;
        }
        double[] warped = new double[n];
        for (int i = 0; i < n; i++) {
            warped[i] = warp(scaled[i]);
        }
        // The worst target: apply is monotone (in floating point too), so it is the image of the smallest value.
        Standardisation standardised = Standardisation.of(warped);
        this.second = standardised.shifted(standardised.apply(Arrays.stream(warped).min().orElseThrow()));
        this.targets = new double[n];
        for (int i = 0; i < n; i++) {
            targets[i] = second.apply(warped[i]);
        }
    }

    /**
     * Whether {@link Warp#BOX_COX} can model these values: a minimised objective, at least {@value #MIN_WARP_POINTS}
     * values, all positive and not all equal.
     */
    static boolean boxCoxApplies(double[] values, boolean maximize) {
        if (maximize || values.length < MIN_WARP_POINTS) {
            return false;
        }
        for (double v : values) {
            if (!(v > 0)) {
                return false;
            }
        }
        return !Standardisation.of(values).constant();
    }

    Warp warp() {
        return warp;
    }

    /** The standardised targets, larger is better, the worst 0. */
    double[] targets() {
        return targets.clone();
    }

    /** The target of any objective value, observed or not (positive for {@link Warp#BOX_COX}). */
    double apply(double value) {
        return second.apply(warp(scale(value)));
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

    /**
     * An improvement of {@code margin} over {@code value} (both in the objective's units), in target units. Under
     * {@link Warp#BOX_COX} the objective is positive and cannot improve by its whole value; the margin is capped at
     * half of it.
     */
    double improvement(double value, double margin) {
        if (warp == Warp.BOX_COX) {
            return apply(value - Math.min(margin, value / 2)) - apply(value);
        }
        return apply(maximize ? value + margin : value - margin) - apply(value);
    }

    /**
     * {@code Σ log |dT/dy|} over the observations at {@code indices}: the change of variables that turns the GP's
     * density of the targets into a density of the observed values, so that the marginal likelihoods of two warps
     * of the same values can be compared (the warped GP of Snelson, Rasmussen and Ghahramani, NeurIPS 2003).
     * Minus infinity for a constant objective, whose targets carry no information.
     */
    double logJacobian(int[] indices) {
        if (second.constant()) {
            return Double.NEGATIVE_INFINITY;
        }
        double sum = 0;
        for (int i : indices) {
            double u = scale(values[i]);
            double derivative = warp == Warp.BOX_COX ? BoxCox.derivative(u, lambda)
                    : YeoJohnson.derivative(u, lambda);
            sum += Math.log(derivative) - Math.log(first.sd()) - Math.log(second.sd());
        }
        return sum;
    }

    /** The value before the power transform: oriented and standardised, or divided by the geometric mean. */
    private double scale(double value) {
        return warp == Warp.BOX_COX ? first.apply(value) : first.apply(maximize ? value : -value);
    }

    private double warp(double scaled) {
        return warp == Warp.BOX_COX ? -BoxCox.transform(scaled, lambda) : YeoJohnson.transform(scaled, lambda);
    }
}
