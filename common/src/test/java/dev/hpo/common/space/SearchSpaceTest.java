package dev.hpo.common.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class SearchSpaceTest {

    private final SearchSpace space = new SearchSpace(List.of(
            new ChoiceParameter("optimizer", List.of("adam", "lion")),
            new FloatParameter("beta_1_lion", 0.85, 0.99, OptionalDouble.empty(), false,
                    Optional.of(new Condition(Map.of("optimizer", List.of("lion"))))),
            new FloatParameter("dropout", 0.0, 0.5, OptionalDouble.of(0.1), false, Optional.empty()),
            new IntParameter("epochs", 50, 200, 50)));

    @Test
    void keepsOnlyParametersActiveUnderTheirConditions() {
        Map<String, Object> adam = Map.of("optimizer", "adam", "beta_1_lion", 0.9, "dropout", 0.2, "epochs", 100L);

        assertThat(space.activeOnly(adam)).containsOnlyKeys("optimizer", "dropout", "epochs");
        assertThat(space.activeOnly(Map.of("optimizer", "lion", "beta_1_lion", 0.9))).containsOnlyKeys("optimizer",
                "beta_1_lion");
    }

    @Test
    void checksAssignmentsAgainstGridsBoundsAndConditions() {
        assertThat(space.check(Map.of("optimizer", "lion", "beta_1_lion", 0.9, "dropout", 0.30000000000000004,
                "epochs", 150L))).isEmpty();
        assertThat(space.check(Map.of("optimizer", "adam", "beta_1_lion", 0.9, "dropout", 0.25, "epochs", 175,
                "colour", "red"))).containsExactly(
                "beta_1_lion (0.9) is given but inactive under its condition",
                "dropout (0.25) is not a legal value",
                "epochs (175) is not a legal value",
                "colour is not a parameter of the search space");
        assertThat(space.check(Map.of("optimizer", "lion", "dropout", 0.1, "epochs", 50)))
                .containsExactly("beta_1_lion is missing");
    }

    @Test
    void gridsCountAndEnumerateTheirValuesWithoutBinaryNoise() {
        FloatParameter dropout = (FloatParameter) space.get("dropout").orElseThrow();
        assertThat(dropout.size()).isEqualTo(6);
        assertThat(dropout.valueAt(3)).isEqualTo(0.3);
        assertThat(new IntParameter("n", 20, 60, 10).size()).isEqualTo(5);
        FloatParameter large = new FloatParameter("f", 0, 2e7, OptionalDouble.of(1e6), false, Optional.empty());
        assertThat(large.valueAt(15)).isEqualTo(1.5e7);
        assertThat(large.contains(large.valueAt(15))).isTrue();
        assertThat(new IntParameter("n", 20, 65, 10).valueAt(4)).isEqualTo(60);
    }

    @Test
    void refusesConditionsOnLaterParametersAndInvalidDomains() {
        assertThatThrownBy(() -> new SearchSpace(List.of(
                new BooleanParameter("a", Optional.of(new Condition(Map.of("b", List.of(true))))),
                new BooleanParameter("b")))).hasMessage("a.when refers to b, which is not a parameter declared before it");
        assertThatThrownBy(() -> new FloatParameter("lr", 0, 1, OptionalDouble.empty(), true, Optional.empty()))
                .hasMessage("min (0.0) must be > 0 when log is true");
        assertThatThrownBy(() -> new IntParameter("n", 1, 5, 0)).hasMessage("step (0) must be >= 1");
    }
}
