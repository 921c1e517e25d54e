package dev.hpo.optimizer.strategy;

import dev.hpo.common.space.SearchSpace;
import dev.hpo.optimizer.bo.BayesianStrategy;
import dev.hpo.optimizer.bo.ParEgoStrategy;

/** Builds the strategy a study's configuration names. */
public final class Strategies {

    private Strategies() {
    }

    /**
     * The strategy for {@code config} over {@code space}, for a study of one objective.
     *
     * @throws IllegalArgumentException when the strategy cannot search this space (a grid over a float without step)
     */
    public static Strategy create(StrategyConfig config, SearchSpace space) {
        return create(config, space, false);
    }

    /**
     * The strategy for {@code config} over {@code space}; Bayesian optimisation of several objectives is ParEGO,
     * random and grid search ignore the objectives.
     *
     * @throws IllegalArgumentException when the strategy cannot search this space (a grid over a float without step)
     */
    public static Strategy create(StrategyConfig config, SearchSpace space, boolean multiObjective) {
        return switch (config.type()) {
            case BAYESIAN -> multiObjective ? new ParEgoStrategy(space, config) : new BayesianStrategy(space, config);
            case RANDOM -> new RandomStrategy(space, config.seed());
            case GRID -> new GridStrategy(space);
        };
    }
}
