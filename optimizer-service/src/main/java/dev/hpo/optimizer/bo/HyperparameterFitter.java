package dev.hpo.optimizer.bo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Fits GP hyperparameters by maximising the log marginal likelihood plus the log prior (a MAP estimate) with
 * {@link BoxLbfgs} in {@code θ = (log ℓ, log σ_f², log σ_n²)}. While the data are few (and the likelihood has
 * several modes) it starts from the previous fit, the prior mode and draws from the prior; beyond
 * {@value #RESTART_LIMIT} points only from the previous fit, which data arriving one at a time barely move.
 *
 * <p>Each evaluation costs a Cholesky and an inverse, O(n³); beyond {@value #MAX_FIT_POINTS} observations the
 * hyperparameters are fitted on a subset of that size (they are few and change slowly), while the posterior
 * itself always conditions on every observation. The subset is the observations with the smallest hash of their
 * position, so that one more observation changes it by at most one point and the previous fit stays a good start.
 */
final class HyperparameterFitter {

    static final int MAX_FIT_POINTS = 100;

    /** Up to this many fitting points, random restarts are cheap and guard against poor local optima. */
    private static final int RESTART_LIMIT = 64;
    private static final int RANDOM_RESTARTS = 2;
    private static final int MAX_ITERATIONS = 60;
    /**
     * Iterations from the previous fit once the data are many: each suggestion continues the climb where the last
     * one stopped, so the fit converges over a few suggestions while one costs a bounded time.
     */
    private static final int WARM_ITERATIONS = 10;

    private final Kernel kernel;

    HyperparameterFitter(Kernel kernel) {
        this.kernel = kernel;
    }

    /**
     * The MAP hyperparameters for inputs {@code x} (rows in the unit cube) and standardised targets {@code y}.
     *
     * @param previous the last fit, used as a start when it has the right dimension; null when there is none
     */
    GpHyperparameters fit(double[][] x, double[] y, GpHyperparameters previous, SplittableRandom random) {
        int d = x[0].length;
        int[] subset = fitPoints(x.length);
        double[][] fx = rows(x, subset);
        HyperparameterPrior prior = new HyperparameterPrior(d);
        MarginalLikelihood likelihood = new MarginalLikelihood(kernel, fx, values(y, subset));
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
        boolean warm = previous != null && previous.dimensions() == d;
        // An improvement of 1e-6 of a log posterior in the hundreds changes no prediction that matters.
        BoxLbfgs optimiser = new BoxLbfgs(warm && fx.length > RESTART_LIMIT ? WARM_ITERATIONS : MAX_ITERATIONS,
                1e-4, 1e-6);
        double[] lower = prior.lowerBounds();
        double[] upper = prior.upperBounds();
        BoxLbfgs.Result best = null;
        for (double[] start : starts(prior, warm ? previous : null, fx.length, random)) {
            BoxLbfgs.Result r = optimiser.minimise(negativeLogPosterior, start, lower, upper);
            if (Double.isFinite(r.value()) && (best == null || r.value() < best.value())) {
                best = r;
            }
        }
        return GpHyperparameters.fromLogVector(best == null ? prior.mode() : best.x());
    }

    /**
     * The log evidence of a warped GP, {@code log p(values | X) = log p(T(values) | X, θ) + Σ log |T'(values)|},
     * on the points the fit uses: a higher value says that the warp {@code transform} with hyperparameters
     * {@code fit} explains the observed values better.
     */
    double logEvidence(double[][] x, TargetTransform transform, GpHyperparameters fit) {
        int[] subset = fitPoints(x.length);
        double[] theta = fit.toLogVector();
        try {
            return new MarginalLikelihood(kernel, rows(x, subset), values(transform.targets(), subset))
                    .valueAndGradient(theta, new double[theta.length]) + transform.logJacobian(subset);
        } catch (IllegalStateException notPositiveDefinite) {
            return Double.NEGATIVE_INFINITY;
        }
    }

    /** All positions up to {@value #MAX_FIT_POINTS}, else that many with the smallest hash. */
    private static int[] fitPoints(int n) {
        if (n <= MAX_FIT_POINTS) {
            return IntStream.range(0, n).toArray();
        }
        return IntStream.range(0, n).boxed().sorted(Comparator.comparingLong(HyperparameterFitter::positionHash))
                .mapToInt(Integer::intValue).limit(MAX_FIT_POINTS).sorted().toArray();
    }

    private static double[][] rows(double[][] x, int[] subset) {
        return Arrays.stream(subset).mapToObj(i -> x[i]).toArray(double[][]::new);
    }

    private static double[] values(double[] y, int[] subset) {
        return Arrays.stream(subset).mapToDouble(i -> y[i]).toArray();
    }

    /** SplitMix64's finaliser (Steele, Lea and Flood 2014): a fixed pseudo-random order of positions. */
    private static long positionHash(int position) {
        long z = position * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static List<double[]> starts(HyperparameterPrior prior, GpHyperparameters previous, int n,
                                         SplittableRandom random) {
        List<double[]> starts = new ArrayList<>();
        if (previous != null) {
            starts.add(previous.toLogVector());
        }
        if (previous == null || n <= RESTART_LIMIT) {
            starts.add(prior.mode());
        }
        if (n <= RESTART_LIMIT) {
            for (int i = 0; i < RANDOM_RESTARTS; i++) {
                starts.add(prior.sample(random));
            }
        }
        return starts;
    }
}
