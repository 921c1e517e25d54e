package dev.hpo.optimizer.strategy;

import java.util.Map;

/**
 * A proposed configuration and whether it was a greedy choice: the maximiser of the surrogate's posterior mean, a
 * trial that refines where the model puts the optimum rather than one that explores.
 *
 * @param params only the parameters active under their conditions
 * @param greedy whether the strategy chose it greedily (see {@code BayesianStrategy})
 */
public record Suggestion(Map<String, Object> params, boolean greedy) {

    public Suggestion {
        params = Map.copyOf(params);
    }

    /** A configuration chosen any other way: a design point, an acquisition's maximiser, a draw, a grid point. */
    public static Suggestion of(Map<String, Object> params) {
        return new Suggestion(params, false);
    }
}
