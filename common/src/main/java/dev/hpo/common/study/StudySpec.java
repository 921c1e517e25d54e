package dev.hpo.common.study;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.common.space.SearchSpace;

/**
 * A study as its author wrote it, validated: what to optimise, how, with how much budget, on which worker
 * pool, over which search space; {@code trainer} is passed to the workers untouched.
 *
 * @param finalRefit whether the best configuration is refit on training + validation data and evaluated
 *                   once on the test split when the search ends
 */
public record StudySpec(String name, Objective objective, StrategySpec strategy, Budget budget,
                        String workerPool, SearchSpace searchSpace, ObjectNode trainer, boolean finalRefit) {

    public static final String DEFAULT_WORKER_POOL = "dl4j";
}
