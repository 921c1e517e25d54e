package dev.hpo.optimizer.strategy;

import dev.hpo.common.space.SearchSpace;
import dev.hpo.optimizer.bo.BayesianStrategy;

/** Builds the strategy a study's configuration names. */
public final class Strategies {

    private Strategies() {
    }

    /**
     * The strategy for {@code config} over {@code space}.
     *
     * @throws IllegalArgumentException when the strategy cannot search this space (a grid over a float without step)
     */
    public static Strategy create(StrategyConfig config, SearchSpace space) {
        return switch (config.type()) {
            case BAYESIAN -> new BayesianStrategy(space, config);
            case RANDOM -> new RandomStrategy(space, config.seed());
            case GRID -> new GridStrategy(space);
        };
    }
}
