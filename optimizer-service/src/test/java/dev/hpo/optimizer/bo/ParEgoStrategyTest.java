package dev.hpo.optimizer.bo;

import dev.hpo.common.space.FloatParameter;
import dev.hpo.common.space.SearchSpace;
import dev.hpo.common.study.Direction;
import dev.hpo.common.study.Objective;
import dev.hpo.optimizer.pareto.Objectives;
import dev.hpo.optimizer.pareto.ParetoSummary;
import dev.hpo.optimizer.strategy.Observation;
import dev.hpo.optimizer.strategy.RandomStrategy;
import dev.hpo.optimizer.strategy.Strategy;
import dev.hpo.optimizer.strategy.StrategyConfig;
import dev.hpo.optimizer.strategy.StudyHistory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ParEgoStrategyTest {

    private static final List<Objective> ZDT1_OBJECTIVES = List.of(new Objective("f1", Direction.MINIMIZE),
            new Objective("f2", Direction.MINIMIZE));
    private static final SearchSpace ZDT1_SPACE = new SearchSpace(List.of(new FloatParameter("x1", 0, 1),
            new FloatParameter("x2", 0, 1), new FloatParameter("x3", 0, 1)));

    /**
     * ZDT1 in three variables (Zitzler, Deb and Thiele, Evolutionary Computation 8(2), 2000), both minimised:
     * f1 = x1, g = 1 + 9 (x2 + x3) / 2, f2 = g (1 − √(f1 / g)); the front is x2 = x3 = 0, f2 = 1 − √f1.
     */
    private static Map<String, Double> zdt1(Map<String, Object> c) {
        double x1 = (double) c.get("x1");
        double g = 1 + 9 * ((double) c.get("x2") + (double) c.get("x3")) / 2;
        return Map.of("f1", x1, "f2", g * (1 - Math.sqrt(x1 / g)));
    }

    @Test
    void theScalarisationIsKnowlesAugmentedChebyshev() {
        AugmentedChebyshev f = new AugmentedChebyshev(new double[] {0.25, 0.75});
        // max(0.25 * 0.8, 0.75 * 0.4) + 0.05 * (0.2 + 0.3) = 0.3 + 0.025
        assertThat(f.apply(new double[] {0.8, 0.4})).isCloseTo(0.325, within(1e-12));
        assertThat(f.apply(new double[] {0, 0})).isZero();
        assertThatThrownBy(() -> new AugmentedChebyshev(new double[] {0.5, 0.6}))
                .hasMessageContaining("[0.5, 0.6] must be >= 0 and sum to 1");
    }

    @Test
    void weightsLieOnTheSimplexDependOnSeedAndIndexAndCoverIt() {
        double[] w = ParEgoStrategy.weights(42, 7, 3);
        assertThat(Arrays.stream(w).sum()).isCloseTo(1.0, within(1e-12));
        assertThat(Arrays.stream(w).allMatch(x -> x >= 0 && x <= 1)).isTrue();
        assertThat(ParEgoStrategy.weights(42, 7, 3)).containsExactly(w);
        assertThat(ParEgoStrategy.weights(42, 8, 3)).isNotEqualTo(w);
        assertThat(ParEgoStrategy.weights(43, 7, 3)).isNotEqualTo(w);
        // Uniform on the 2-simplex: λ_1 is uniform on [0, 1], mean 1/2, and a fifth of the draws fall below 0.2.
        double[] first = LongStream.range(0, 4000).mapToDouble(i -> ParEgoStrategy.weights(1, (int) i, 2)[0]).toArray();
        assertThat(Arrays.stream(first).average().orElseThrow()).isCloseTo(0.5, within(0.02));
        assertThat(Arrays.stream(first).filter(x -> x < 0.2).count() / 4000.0).isCloseTo(0.2, within(0.02));
    }

    @Test
    void scalarisesNormalisedCostsWhateverTheDirection() {
        List<Objective> objectives = List.of(new Objective("recall", Direction.MAXIMIZE),
                new Objective("loss", Direction.MINIMIZE));
        List<Observation> done = List.of(
                new Observation(Map.of("k", 1), 0.9, Map.of("recall", 0.9, "loss", 0.6)),
                new Observation(Map.of("k", 2), 0.5, Map.of("recall", 0.5, "loss", 0.2)),
                new Observation(Map.of("k", 3), 0.7, Map.of("recall", 0.7, "loss", 0.5)),
                new Observation(Map.of("k", 4), 0.8, Map.of("recall", 0.8)));
        StudyHistory history = new StudyHistory(done, List.of(), List.of(), true, List.of(), objectives, List.of());
        AugmentedChebyshev f = new AugmentedChebyshev(new double[] {0.5, 0.5});
        StudyHistory s = ParEgoStrategy.scalarise(history, List.of(Map.of("k", 9)), f);
        // Costs: recall (0.9 - v) / 0.4, loss (v - 0.2) / 0.4.
        // k=1: (0, 1) -> 0.5 + 0.05 * 0.5 = 0.525; k=2: (1, 0) -> 0.525; k=3: (0.5, 0.75) -> 0.375 + 0.03125.
        assertThat(s.completed().stream().mapToDouble(Observation::value).toArray())
                .containsExactly(new double[] {-0.525, -0.525, -0.40625}, within(1e-12));
        assertThat(s.maximize()).isTrue();
        assertThat(s.objectives()).isEmpty();
        assertThat(s.failed()).containsExactly(Map.of("k", 4));
        assertThat(s.pending()).containsExactly(Map.of("k", 9));
    }

    @Test
    void parallelSuggestionsAreDistinctAndTheSameForTheSameHistory() {
        List<Observation> done = run(new ParEgoStrategy(ZDT1_SPACE, config(5)), 12);
        StudyHistory history = new StudyHistory(done, List.of(), List.of(), false, List.of(), ZDT1_OBJECTIVES,
                List.of());
        List<Map<String, Object>> a = new ParEgoStrategy(ZDT1_SPACE, config(5)).suggest(history, 3);
        List<Map<String, Object>> b = new ParEgoStrategy(ZDT1_SPACE, config(5)).suggest(history, 3);
        assertThat(a).hasSize(3).doesNotHaveDuplicates().isEqualTo(b);
    }

    @Test
    void aParallelBatchFitsTheGpOnceAndEachSuggestionStillTakesItsOwnWeights() {
        List<Observation> done = run(new ParEgoStrategy(ZDT1_SPACE, config(5)), 12);
        StudyHistory history = new StudyHistory(done, List.of(), List.of(), false, List.of(), ZDT1_OBJECTIVES,
                List.of());
        ParEgoStrategy strategy = new ParEgoStrategy(ZDT1_SPACE, config(5));
        List<Long> fits = new ArrayList<>();
        strategy.onFit(fits::add);

        List<Map<String, Object>> batch = strategy.suggest(history, 4);

        assertThat(batch).hasSize(4).doesNotHaveDuplicates();
        assertThat(fits).as("one hyperparameter fit for the batch of 4").hasSize(1);
        strategy.suggest(history, 1);
        assertThat(fits).as("and one for the next batch").hasSize(2);
        // The first suggestion is the one a batch of one gets: the later ones do not change how it was chosen.
        assertThat(batch.get(0)).isEqualTo(new ParEgoStrategy(ZDT1_SPACE, config(5)).suggest(history, 1).get(0));
    }

    @Test
    void beatsRandomSearchOnZdt1InHypervolumeAtThirtyEvaluations() {
        Objectives objectives = new Objectives(ZDT1_OBJECTIVES, Map.of("f1", 1.1, "f2", 11.0));
        double[] parEgo = new double[5];
        double[] random = new double[5];
        for (int seed = 0; seed < 5; seed++) {
            parEgo[seed] = hypervolume(objectives, run(new ParEgoStrategy(ZDT1_SPACE, config(seed)), 30));
            random[seed] = hypervolume(objectives, run(new RandomStrategy(ZDT1_SPACE, seed), 30));
        }
        System.out.printf("ZDT1 hypervolume, 30 evaluations: ParEGO %s, random %s%n", Arrays.toString(parEgo),
                Arrays.toString(random));
        assertThat(median(parEgo)).isGreaterThan(median(random));
    }

    private static StrategyConfig config(long seed) {
        return StrategyConfig.of(StrategyConfig.Type.BAYESIAN, seed);
    }

    private static List<Observation> run(Strategy s, int budget) {
        List<Observation> done = new ArrayList<>();
        for (int i = 0; i < budget; i++) {
            StudyHistory history = new StudyHistory(done, List.of(), List.of(), false, List.of(), ZDT1_OBJECTIVES,
                    List.of());
            Map<String, Object> c = s.suggest(history, 1).get(0);
            Map<String, Double> f = zdt1(c);
            done.add(new Observation(c, f.get("f1"), f));
        }
        return done;
    }

    private static double hypervolume(Objectives objectives, List<Observation> done) {
        return ParetoSummary.of(objectives, done, Observation::metrics).hypervolume();
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
