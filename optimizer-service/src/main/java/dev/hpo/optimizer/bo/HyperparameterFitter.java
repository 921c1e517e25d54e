package dev.hpo.optimizer.bo;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Fits GP hyperparameters by maximising the log marginal likelihood plus the log prior (a MAP estimate) with
 * {@link BoxLbfgs} in {@code θ = (log ℓ, log σ_f², log σ_n²)}, from several starts: the previous fit (data arrive
 * one at a time, so it is usually close), the prior mode, and draws from the prior while the data are few.
 *
 * <p>Each evaluation costs a Cholesky and an inverse, O(n³); beyond {@value #MAX_FIT_POINTS} observations the
 * hyperparameters are fitted on a random subset of that size (they are few and change slowly), while the
 * posterior itself always conditions on every observation.
 */
public final class HyperparameterFitter {

    static final int MAX_FIT_POINTS = 128;

    /** Up to this many fitting points, random restarts are cheap and guard against poor local optima. */
    private static final int RESTART_LIMIT = 64;
    private static final int RANDOM_RESTARTS = 2;
    private static final int MAX_ITERATIONS = 60;

    private final Kernel kernel;

    public HyperparameterFitter(Kernel kernel) {
        this.kernel = kernel;
    }

    /**
     * The MAP hyperparameters for inputs {@code x} (rows in the unit cube) and standardised targets {@code y}.
     *
     * @param previous the last fit, used as a start when it has the right dimension; null when there is none
     */
    public GpHyperparameters fit(double[][] x, double[] y, GpHyperparameters previous, SplittableRandom random) {
        int d = x[0].length;
        double[][] fx = x;
        double[] fy = y;
        if (x.length > MAX_FIT_POINTS) {
            int[] subset = random.ints(0, x.length).distinct().limit(MAX_FIT_POINTS).toArray();
            fx = new double[MAX_FIT_POINTS][];
            fy = new double[MAX_FIT_POINTS];
            for (int i = 0; i < MAX_FIT_POINTS; i++) {
                fx[i] = x[subset[i]];
                fy[i] = y[subset[i]];
            }
        }
        HyperparameterPrior prior = new HyperparameterPrior(d);
        MarginalLikelihood likelihood = new MarginalLikelihood(kernel, fx, fy);
        BoxLbfgs.Objective negativeLogPosterior = (theta, gradient) -> {
            try {
                double value = likelihood.valueAndGradient(theta, gradient) + prior.addLogDensity(theta, gradient);
                for (int i = 0; i < gradient.length; i++) {
                    gradient[i] = -gradient[i];
                }
                return -value;
            } catch (IllegalStateException notPositiveDefinite) {
                return Double.POSITIVE_INFINITY;
            }
        };
        BoxLbfgs optimiser = new BoxLbfgs(MAX_ITERATIONS, 1e-5, 1e-9);
        double[] lower = prior.lowerBounds();
        double[] upper = prior.upperBounds();
        BoxLbfgs.Result best = null;
        for (double[] start : starts(prior, previous, d, fx.length, random)) {
            BoxLbfgs.Result r = optimiser.minimise(negativeLogPosterior, start, lower, upper);
            if (Double.isFinite(r.value()) && (best == null || r.value() < best.value())) {
                best = r;
            }
        }
        return GpHyperparameters.fromLogVector(best == null ? prior.mode() : best.x());
    }

    private static List<double[]> starts(HyperparameterPrior prior, GpHyperparameters previous, int d, int n,
                                         SplittableRandom random) {
        List<double[]> starts = new ArrayList<>();
        if (previous != null && previous.dimensions() == d) {
            starts.add(previous.toLogVector());
        }
        starts.add(prior.mode());
        if (n <= RESTART_LIMIT) {
            for (int i = 0; i < RANDOM_RESTARTS; i++) {
                starts.add(prior.sample(random));
            }
        }
        return starts;
    }
}
