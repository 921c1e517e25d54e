package dev.hpo.optimizer.bo;

import dev.hpo.common.space.SearchSpace;
import dev.hpo.optimizer.pareto.Objectives;
import dev.hpo.optimizer.strategy.Observation;
import dev.hpo.optimizer.strategy.Strategy;
import dev.hpo.optimizer.strategy.StrategyConfig;
import dev.hpo.optimizer.strategy.StudyHistory;
import dev.hpo.optimizer.strategy.Suggestion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;

/**
 * Multi-objective Bayesian optimisation by ParEGO (Knowles, IEEE TEC 10(1), 2006): for every suggestion, draw a
 * weight vector λ uniformly from the simplex, normalise each objective over the observations to a cost in [0, 1]
 * (0 at the best observed value, 1 at the worst, whatever the direction), scalarise with the augmented Chebyshev
 * function ({@link AugmentedChebyshev}) and let the single-objective GP-EI search ({@link BayesianStrategy})
 * maximise {@code −f_λ}. Over many suggestions the random weights spread the search along the whole Pareto front.
 *
 * <p>Why ParEGO and not expected hypervolume improvement (EHVI, Emmerich et al. 2006): ParEGO reuses the one GP,
 * its hyperparameter fit and acquisition optimiser unchanged, costs one GP per suggestion whatever the number of
 * objectives, and handles 2 to 4 objectives alike; EHVI needs one GP per objective and a box decomposition of the
 * dominated region whose cost grows quickly with the number of objectives. At the budgets of a study (tens of
 * trials) the two are reported close (Daulton et al., NeurIPS 2020, fig. 3: qParEGO trails qEHVI but clearly beats
 * Sobol sampling).
 *
 * <p>Several suggestions at once take a different λ each: they are asked one at a time, the ones already chosen
 * added to the pending trials, which the Bayesian strategy handles with its kriging believer. The GP's
 * hyperparameters are fitted once per batch, for the first λ, and kept for the others
 * ({@link BayesianStrategy#suggestInTurn}): the scalarisations of one batch score the same configurations, and a
 * fit per suggestion made a batch of P suggestions cost P fits. λ is drawn from the seed and the number of
 * configurations seen before it, so the same history gives the same suggestions. A history without objectives (a
 * single-objective study) goes to the Bayesian strategy as it is.
 */
public final class ParEgoStrategy implements Strategy {

    private final BayesianStrategy bayesian;
    private final long seed;

    public ParEgoStrategy(SearchSpace space, StrategyConfig config) {
        this.bayesian = new BayesianStrategy(space, config);
        this.seed = config.seed();
    }

    /** Reports the duration of every surrogate fit, in nanoseconds (for the service's metrics). */
    public void onFit(LongConsumer observer) {
        bayesian.onFit(observer);
    }

    @Override
    public List<Map<String, Object>> suggest(StudyHistory history, int count) {
        return propose(history, count).stream().map(Suggestion::params).toList();
    }

    /** The suggestions, greedy where the Bayesian strategy chose them greedily for their scalarisation. */
    @Override
    public synchronized List<Suggestion> propose(StudyHistory history, int count) {
        if (history.objectives().isEmpty()) {
            return bayesian.propose(history, count);
        }
        return bayesian.suggestInTurn(count, chosen -> {
            double[] weights = weights(seed, history.seen().size() + chosen.size(), history.objectives().size());
            List<Map<String, Object>> pending = new ArrayList<>(history.pending());
            pending.addAll(chosen);
            return scalarise(history, pending, new AugmentedChebyshev(weights));
        });
    }

    /**
     * λ uniform on the simplex of {@code m} objectives: m exponential variates divided by their sum (Rubinstein
     * and Kroese, "Simulation and the Monte Carlo Method", 2nd ed., alg. 2.5.3), drawn from {@code seed} and
     * {@code index} alone.
     */
    static double[] weights(long seed, int index, int m) {
        SplittableRandom random = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (index + 1L)));
        double[] w = new double[m];
        double sum = 0;
        for (int j = 0; j < m; j++) {
            w[j] = -Math.log(1 - random.nextDouble());
            sum += w[j];
        }
        for (int j = 0; j < m; j++) {
            w[j] /= sum;
        }
        return w;
    }

    /**
     * The history with each observation's value replaced by {@code −f_λ} (to be maximised) of its normalised
     * costs; a completed trial that lacks one of the objective metrics counts as failed, a prior observation that
     * lacks one is left out.
     */
    static StudyHistory scalarise(StudyHistory history, List<Map<String, Object>> pending,
                                  AugmentedChebyshev scalarisation) {
        Objectives objectives = new Objectives(history.objectives(), Map.of());
        List<double[]> points = new ArrayList<>();
        for (Observation o : history.observations()) {
            objectives.orient(o.metrics()).ifPresent(points::add);
        }
        Normalisation normalisation = Normalisation.of(points, objectives.size());
        List<Map<String, Object>> failed = new ArrayList<>(history.failed());
        List<Observation> completed = new ArrayList<>();
        for (Observation o : history.completed()) {
            Optional<Observation> s = scalarised(o, objectives, normalisation, scalarisation);
            if (s.isPresent()) {
                completed.add(s.get());
            } else {
                failed.add(o.params());
            }
        }
        List<Observation> prior = history.prior().stream()
                .flatMap(o -> scalarised(o, objectives, normalisation, scalarisation).stream()).toList();
        return new StudyHistory(completed, pending, failed, true, prior, List.of(), history.constraints());
    }

    private static Optional<Observation> scalarised(Observation o, Objectives objectives, Normalisation normalisation,
                                                    AugmentedChebyshev scalarisation) {
        return objectives.orient(o.metrics()).map(v -> new Observation(o.params(),
                -scalarisation.apply(normalisation.costs(v)), o.metrics()));
    }

    /**
     * Oriented objective values to costs in [0, 1]: {@code c_j = (max_j − v_j) / (max_j − min_j)} over the
     * observations, 0 for an objective that has not varied.
     */
    private record Normalisation(double[] min, double[] max) {

        static Normalisation of(List<double[]> points, int m) {
            double[] min = new double[m];
            double[] max = new double[m];
            java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
            java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
            for (double[] p : points) {
                for (int j = 0; j < m; j++) {
                    min[j] = Math.min(min[j], p[j]);
                    max[j] = Math.max(max[j], p[j]);
                }
            }
            return new Normalisation(min, max);
        }

        double[] costs(double[] v) {
            double[] c = new double[v.length];
            for (int j = 0; j < v.length; j++) {
                double range = max[j] - min[j];
                c[j] = range > 0 ? (max[j] - v[j]) / range : 0;
            }
            return c;
        }
    }
}
