package dev.hpo.common.study;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.common.space.SearchSpace;
import java.util.List;

/**
 * A study as its author wrote it, validated: what to optimise, how, with how much budget, on which worker
 * pool, over which search space; {@code trainer} is passed to the workers untouched.
 *
 * @param finalRefit    whether the best configuration is refit on training + validation data and evaluated
 *                      once on the test split when the search ends
 * @param warmStartFrom ids of earlier studies whose completed trials in a compatible space seed the surrogate
 */
public record StudySpec(String name, Objective objective, StrategySpec strategy, Budget budget,
                        String workerPool, SearchSpace searchSpace, ObjectNode trainer, boolean finalRefit,
                        List<String> warmStartFrom) {

    public static final String DEFAULT_WORKER_POOL = "dl4j";
    /** At most this many studies to warm-start from. */
    public static final int MAX_WARM_START_STUDIES = 16;

    public StudySpec {
        warmStartFrom = List.copyOf(warmStartFrom);
    }
}
