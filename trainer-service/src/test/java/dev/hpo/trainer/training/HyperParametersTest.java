package dev.hpo.trainer.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HyperParametersTest {

    @Test
    void wholeNumbersArriveAsIntegerLongOrDouble() {
        HyperParameters params = new HyperParameters(Map.of("a", 40, "b", 40L, "c", 40.0));

        assertThat(List.of(params.integer("a", 0, 1, 100), params.integer("b", 0, 1, 100), params.integer("c", 0, 1, 100)))
                .containsExactly(40, 40, 40);
        assertThat(params.integer("absent", 7, 1, 100)).isEqualTo(7);
    }

    @Test
    void wrongValuesNameTheParameterAndValue() {
        HyperParameters params = new HyperParameters(Map.of("batch_size", 16.5, "epochs", 0, "optimizer", 3));

        assertThatThrownBy(() -> params.integer("batch_size", 32, 1, 1000))
                .isInstanceOf(TrialException.class).hasMessage("batch_size (16.5) must be an integer");
        assertThatThrownBy(() -> params.integer("epochs", 1, 1, 1000)).hasMessage("epochs (0) must be between 1 and 1000");
        assertThatThrownBy(() -> params.choice("optimizer", "adam", List.of("adam", "sgd")))
                .hasMessage("optimizer (3) must be one of adam, sgd");
    }

    @Test
    void anUnusedParameterIsRejectedByName() {
        HyperParameters params = new HyperParameters(Map.of("neurons1", 40, "nuerons2", 20));

        assertThatThrownBy(() -> params.requireKnown(Set.of("neurons1", "neurons2")))
                .hasMessage("parameter nuerons2 (20) is not used by this trainer; known parameters: neurons1, neurons2");
    }

    @Test
    void aNullValueIsRejected() {
        Map<String, Object> values = new HashMap<>();
        values.put("neurons1", null);

        assertThatThrownBy(() -> new HyperParameters(values)).hasMessageContaining("params.neurons1 (null)");
    }
}
