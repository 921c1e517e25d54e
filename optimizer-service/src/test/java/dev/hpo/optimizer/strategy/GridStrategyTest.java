package dev.hpo.optimizer.strategy;

import dev.hpo.common.space.ChoiceParameter;
import dev.hpo.common.space.FloatParameter;
import dev.hpo.common.space.IntParameter;
import dev.hpo.common.space.SearchSpace;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GridStrategyTest {

    @Test
    void conditionalParametersAreOmittedWhereInactiveWithoutDuplicates() {
        GridStrategy grid = new GridStrategy(TestSpaces.conditionalGrid());

        List<Map<String, Object>> all = grid.suggest(StudyHistory.empty(true), 100);

        assertThat(grid.size()).hasValue(9);
        assertThat(all).hasSize(9);
        assertThat(new HashSet<>(all)).hasSize(9);
        assertThat(all.subList(0, 4)).containsExactly(
                Map.of("optimizer", "adam", "units", 1L),
                Map.of("optimizer", "adam", "units", 2L),
                Map.of("optimizer", "adam", "units", 3L),
                Map.of("optimizer", "lion", "beta", 0.9, "units", 1L));
        assertThat(all.get(8)).isEqualTo(Map.of("optimizer", "lion", "beta", 0.99, "units", 3L));
    }

    @Test
    void sizeIsTheProductOfTheLevelsOfTheReferenceGrid() {
        SearchSpace space = new SearchSpace(List.of(
                new IntParameter("neurons1", 20, 60, 10),
                new IntParameter("neurons2", 20, 60, 10),
                new FloatParameter("dropout", 0.0, 0.5, java.util.OptionalDouble.of(0.1), false,
                        java.util.Optional.empty()),
                new ChoiceParameter("batch_size", List.of(16, 32, 64)),
                new IntParameter("epochs", 50, 200, 50)));

        assertThat(new GridStrategy(space).size()).hasValue(5L * 5 * 6 * 3 * 4);
    }

    @Test
    void suggestsTheNextUnseenPointsInOrderAndFewerAtTheEnd() {
        GridStrategy grid = new GridStrategy(TestSpaces.tiny());
        List<Map<String, Object>> first = grid.suggest(StudyHistory.empty(false), 4);
        List<Observation> done = new ArrayList<>();
        first.subList(0, 2).forEach(c -> done.add(new Observation(c, 1.0)));
        StudyHistory history = new StudyHistory(done, List.of(first.get(2)), List.of(first.get(3)), false);

        List<Map<String, Object>> rest = grid.suggest(history, 4);

        assertThat(first).containsExactly(Map.of("k", 1L, "b", false), Map.of("k", 1L, "b", true),
                Map.of("k", 2L, "b", false), Map.of("k", 2L, "b", true));
        assertThat(rest).containsExactly(Map.of("k", 3L, "b", false), Map.of("k", 3L, "b", true));
        List<Observation> all = new ArrayList<>(done);
        rest.forEach(c -> all.add(new Observation(c, 0.0)));
        assertThat(grid.suggest(new StudyHistory(all, List.of(first.get(2)), List.of(first.get(3)), false), 1))
                .isEmpty();
    }

    @Test
    void floatWithoutStepIsRejectedNamingTheParameter() {
        SearchSpace space = new SearchSpace(List.of(new FloatParameter("learning_rate", 1e-4, 1e-2)));

        assertThatThrownBy(() -> new GridStrategy(space))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("grid search needs a step or values for float parameter learning_rate");
    }
}
