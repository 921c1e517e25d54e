package dev.hpo.optimizer.bo;

import dev.hpo.common.space.FloatParameter;
import dev.hpo.common.space.SearchSpace;
import dev.hpo.common.study.OutcomeConstraint;
import dev.hpo.optimizer.strategy.Observation;
import dev.hpo.optimizer.strategy.StrategyConfig;
import dev.hpo.optimizer.strategy.StudyHistory;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ConstrainedBayesianStrategyTest {

    /**
     * Gramacy et al., "Modeling an Augmented Lagrangian for Blackbox Constrained Optimization", Technometrics 2016,
     * section 4.1: minimise f(x) = x1 + x2 on [0, 1]² subject to
     * c1(x) = 3/2 − x1 − 2 x2 − ½ sin(2π (x1² − 2 x2)) ≤ 0 and c2(x) = x1² + x2² − 3/2 ≤ 0; the published
     * solution is f ≈ 0.5998 at (0.1954, 0.4044), on the boundary of c1, with two more local solutions.
     */
    private static final SearchSpace BOX = new SearchSpace(List.of(
            new FloatParameter("x1", 0, 1), new FloatParameter("x2", 0, 1)));
    private static final List<OutcomeConstraint> CONSTRAINTS = List.of(
            new OutcomeConstraint("c1", null, 0.0), new OutcomeConstraint("c2", null, 0.0));

    private static double f(double x1, double x2) {
        return x1 + x2;
    }

    private static double c1(double x1, double x2) {
        return 1.5 - x1 - 2 * x2 - 0.5 * Math.sin(2 * Math.PI * (x1 * x1 - 2 * x2));
    }

    private static double c2(double x1, double x2) {
        return x1 * x1 + x2 * x2 - 1.5;
    }

    private static Observation evaluate(Map<String, Object> c) {
        double x1 = (double) c.get("x1");
        double x2 = (double) c.get("x2");
        return new Observation(c, f(x1, x2), Map.of("c1", c1(x1, x2), "c2", c2(x1, x2)));
    }

    /** The constrained minimum by a 2001 × 2001 grid search (step 5e-4, so within about 1e-3 of the truth). */
    private static double gridOptimum() {
        int levels = 2001;
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < levels; i++) {
            double x1 = i / (levels - 1.0);
            for (int j = 0; j < levels; j++) {
                double x2 = j / (levels - 1.0);
                if (c1(x1, x2) <= 0 && c2(x1, x2) <= 0) {
                    best = Math.min(best, f(x1, x2));
                }
            }
        }
        return best;
    }

    /** The best feasible value of {@code budget} sequential evaluations, as a study would run them. */
    private static double bestFeasible(long seed, int budget) {
        BayesianStrategy strategy = new BayesianStrategy(BOX, StrategyConfig.of(StrategyConfig.Type.BAYESIAN, seed));
        List<Observation> done = new ArrayList<>();
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < budget; i++) {
            Map<String, Object> next = strategy.suggest(history(done, List.of()), 1).get(0);
            Observation o = evaluate(next);
            done.add(o);
            if (o.metrics().get("c1") <= 0 && o.metrics().get("c2") <= 0) {
                best = Math.min(best, o.value());
            }
        }
        return best;
    }

    private static StudyHistory history(List<Observation> done, List<Map<String, Object>> pending) {
        return new StudyHistory(done, pending, List.of(), false, List.of(), List.of(), CONSTRAINTS);
    }

    /**
     * Within 2% of |f*| = 0.012: f ranges over [0, 2] on the box, so this is stricter than 2% of the range (0.04),
     * and the three local solutions (0.5998, 0.6706, 1.0528 in Gramacy et al.) are more than 2% apart.
     */
    @Test
    void findsAFeasiblePointWithinTwoPercentOfTheConstrainedOptimumIn40EvaluationsMedianOfFiveSeeds() {
        double optimum = gridOptimum();
        assertThat(optimum).isCloseTo(0.5998, org.assertj.core.api.Assertions.within(1e-3));
        double[] found = new double[5];
        for (int seed = 0; seed < found.length; seed++) {
            found[seed] = bestFeasible(seed, 40);
        }
        System.out.printf(Locale.ROOT, "constrained BO, Gramacy toy, 40 evaluations: optimum %.5f, best feasible "
                + "by seed %s%n", optimum, Arrays.toString(found));
        double[] sorted = found.clone();
        Arrays.sort(sorted);
        assertThat(sorted[2]).isGreaterThanOrEqualTo(optimum - 1e-3).isLessThanOrEqualTo(optimum + 0.02 * optimum);
    }

    @Test
    void withNothingFeasibleYetItSeeksTheFeasibleRegion() {
        // minimise x subject to x ≥ 0.9: every observation so far lies below 0.5 and violates the constraint,
        // so EI alone would go lower still; the probability of feasibility alone points upwards.
        SearchSpace line = new SearchSpace(List.of(new FloatParameter("x", 0, 1)));
        List<Observation> done = new ArrayList<>();
        for (double x = 0.05; x < 0.5; x += 0.1) {
            done.add(new Observation(Map.of("x", x), x, Map.of("g", x)));
        }
        StudyHistory history = new StudyHistory(done, List.of(), List.of(), false, List.of(), List.of(),
                List.of(new OutcomeConstraint("g", 0.9, null)));
        BayesianStrategy strategy = new BayesianStrategy(line, StrategyConfig.of(StrategyConfig.Type.BAYESIAN, 3));
        double next = (double) strategy.suggest(history, 1).get(0).get("x");
        assertThat(next).isGreaterThan(0.7);
    }

    @Test
    void theIncumbentIsTheBestFeasibleObservation() {
        // minimise x subject to g = x ≥ 0.5: the infeasible 0.1 is the lowest value but no incumbent, so the next
        // point improves on the feasible 0.6 from just above the boundary instead of going below 0.1.
        SearchSpace line = new SearchSpace(List.of(new FloatParameter("x", 0, 1)));
        List<Observation> done = new ArrayList<>();
        for (double x : new double[]{0.1, 0.2, 0.3, 0.6, 0.75, 0.9}) {
            done.add(new Observation(Map.of("x", x), x, Map.of("g", x)));
        }
        StudyHistory history = new StudyHistory(done, List.of(), List.of(), false, List.of(), List.of(),
                List.of(new OutcomeConstraint("g", 0.5, null)));
        BayesianStrategy strategy = new BayesianStrategy(line, StrategyConfig.of(StrategyConfig.Type.BAYESIAN, 3));
        double next = (double) strategy.suggest(history, 1).get(0).get("x");
        assertThat(next).isBetween(0.45, 0.6);
    }

    @Test
    void pendingAndMissingMetricsAreHandledAndTheSameSeedGivesTheSameSuggestions() {
        List<Observation> done = new ArrayList<>();
        BayesianStrategy first = new BayesianStrategy(BOX, StrategyConfig.of(StrategyConfig.Type.BAYESIAN, 5));
        for (int i = 0; i < 12; i++) {
            done.add(evaluate(first.suggest(history(done, List.of()), 1).get(0)));
        }
        // a trial that reported neither constraint metric: infeasible, and left out of the constraint GPs
        done.add(new Observation(Map.of("x1", 0.0, "x2", 0.0), 0.0, Map.of()));
        List<Map<String, Object>> pending = List.of(Map.of("x1", 0.2, "x2", 0.4));
        List<Map<String, Object>> batch = new BayesianStrategy(BOX,
                StrategyConfig.of(StrategyConfig.Type.BAYESIAN, 5)).suggest(history(done, pending), 3);
        List<Map<String, Object>> again = new BayesianStrategy(BOX,
                StrategyConfig.of(StrategyConfig.Type.BAYESIAN, 5)).suggest(history(done, pending), 3);
        assertThat(batch).hasSize(3).doesNotHaveDuplicates().doesNotContain(pending.get(0)).isEqualTo(again);
        // the zero-valued trial without metrics is no incumbent: the batch's greedy first point (the others are
        // spread by the believed ones) is not drawn to the unconstrained optimum
        assertThat((double) batch.get(0).get("x1") + (double) batch.get(0).get("x2")).isGreaterThan(0.3);
    }
}
