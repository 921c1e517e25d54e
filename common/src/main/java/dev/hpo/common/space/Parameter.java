package dev.hpo.common.space;

import java.util.Optional;

/**
 * One hyperparameter of a search space: its name, its domain, and an optional condition on other
 * parameters under which it is active. Implementations validate themselves on construction.
 */
public sealed interface Parameter permits IntParameter, FloatParameter, ChoiceParameter, BooleanParameter {

    String name();

    /** The condition under which this parameter is active; empty when it always is. */
    Optional<Condition> when();

    /** Whether {@code value} is a legal value of this parameter (on its grid, within its bounds). */
    boolean contains(Object value);
}
