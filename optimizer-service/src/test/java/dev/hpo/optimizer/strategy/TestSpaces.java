package dev.hpo.optimizer.strategy;

import dev.hpo.common.space.BooleanParameter;
import dev.hpo.common.space.ChoiceParameter;
import dev.hpo.common.space.Condition;
import dev.hpo.common.space.FloatParameter;
import dev.hpo.common.space.IntParameter;
import dev.hpo.common.space.SearchSpace;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** Search spaces shared by the strategy tests. */
public final class TestSpaces {

    private TestSpaces() {
    }

    /** The reference experiment's space: every parameter type, a log float and a conditional float. */
    public static SearchSpace reference() {
        return new SearchSpace(List.of(
                new IntParameter("neurons1", 20, 60, 10),
                new FloatParameter("dropout", 0.0, 0.5, OptionalDouble.of(0.1), false, Optional.empty()),
                new ChoiceParameter("optimizer", List.of("adam", "lion", "rmsprop", "sgd")),
                new FloatParameter("beta_1_lion", 0.85, 0.99, OptionalDouble.empty(), false,
                        Optional.of(new Condition(Map.of("optimizer", List.of("lion"))))),
                new FloatParameter("learning_rate", 1e-4, 1e-2, OptionalDouble.empty(), true, Optional.empty()),
                new ChoiceParameter("batch_size", List.of(16, 32, 64)),
                new BooleanParameter("shuffle")));
    }

    /** A 9-point grid: adam x 3 units, lion x 2 betas x 3 units. */
    public static SearchSpace conditionalGrid() {
        return new SearchSpace(List.of(
                new ChoiceParameter("optimizer", List.of("adam", "lion")),
                new FloatParameter("beta", 0.9, 0.99, OptionalDouble.of(0.09), false,
                        Optional.of(new Condition(Map.of("optimizer", List.of("lion"))))),
                new IntParameter("units", 1, 3, 1)));
    }

    /** Six configurations: an int in 1..3 and a boolean. */
    public static SearchSpace tiny() {
        return new SearchSpace(List.of(new IntParameter("k", 1, 3, 1), new BooleanParameter("b")));
    }
}
