package dev.hpo.optimizer.strategy;

import dev.hpo.common.space.SearchSpace;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RandomStrategyTest {

    private final SearchSpace space = TestSpaces.reference();

    @Test
    void everySuggestionIsLegalAndHoldsOnlyActiveParameters() {
        List<Map<String, Object>> configs = new RandomStrategy(space, 1).suggest(StudyHistory.empty(true), 300);

        assertThat(configs).hasSize(300);
        for (Map<String, Object> c : configs) {
            assertThat(space.check(c)).isEmpty();
            assertThat(c.containsKey("beta_1_lion")).isEqualTo("lion".equals(c.get("optimizer")));
        }
    }

    @Test
    void logFloatIsLogUniformSoHalfTheDrawsFallBelowTheGeometricMidpoint() {
        List<Map<String, Object>> configs = new RandomStrategy(space, 2).suggest(StudyHistory.empty(true), 2000);

        long below = configs.stream().filter(c -> (double) c.get("learning_rate") < 1e-3).count();

        // Uniform on [1e-4, 1e-2] would put only 9% of the draws below 1e-3.
        assertThat(below / 2000.0).isBetween(0.45, 0.55);
    }

    @Test
    void gridParametersTakeEveryGridValueAndNothingElse() {
        List<Map<String, Object>> configs = new RandomStrategy(space, 3).suggest(StudyHistory.empty(true), 500);

        assertThat(configs.stream().map(c -> c.get("neurons1")).distinct())
                .containsExactlyInAnyOrder(20L, 30L, 40L, 50L, 60L);
        assertThat(configs.stream().map(c -> c.get("dropout")).distinct())
                .containsExactlyInAnyOrder(0.0, 0.1, 0.2, 0.3, 0.4, 0.5);
        assertThat(configs.stream().map(c -> c.get("batch_size")).distinct()).containsExactlyInAnyOrder(16, 32, 64);
    }

    @Test
    void sameSeedAndHistoryGiveTheSameSuggestionsAndAnotherSeedDifferentOnes() {
        StudyHistory history = new StudyHistory(
                List.of(new Observation(Map.of("k", 1L, "b", true), 0.5)), List.of(), List.of(), true);
        SearchSpace s = TestSpaces.reference();
        StudyHistory h = StudyHistory.empty(false);

        assertThat(new RandomStrategy(s, 7).suggest(h, 5)).isEqualTo(new RandomStrategy(s, 7).suggest(h, 5));
        assertThat(new RandomStrategy(s, 7).suggest(h, 5)).isNotEqualTo(new RandomStrategy(s, 8).suggest(h, 5));
        assertThat(new RandomStrategy(TestSpaces.tiny(), 7).suggest(history, 3))
                .isEqualTo(new RandomStrategy(TestSpaces.tiny(), 7).suggest(history, 3));
    }

    @Test
    void proposesTheOnlyUnseenConfigurationOfANearlyExhaustedSpace() {
        StudyHistory history = new StudyHistory(
                List.of(new Observation(Map.of("k", 1, "b", false), 1.0),
                        new Observation(Map.of("k", 1.0, "b", true), 2.0)),
                List.of(Map.of("k", 2L, "b", false), Map.of("k", 2L, "b", true)),
                List.of(Map.of("k", 3L, "b", true)), true);

        List<Map<String, Object>> configs = new RandomStrategy(TestSpaces.tiny(), 4).suggest(history, 3);

        assertThat(configs).containsExactly(Map.of("k", 3L, "b", false));
    }

    @Test
    void returnsEachConfigurationOnceThenStopsWhenTheSpaceIsExhausted() {
        List<Map<String, Object>> configs = new RandomStrategy(TestSpaces.tiny(), 5)
                .suggest(StudyHistory.empty(true), 10);

        assertThat(configs).hasSize(6);
        assertThat(new HashSet<>(configs)).hasSize(6);
    }
}
