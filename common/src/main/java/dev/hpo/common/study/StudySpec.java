package dev.hpo.common.study;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.common.space.SearchSpace;
import java.util.List;
import java.util.Map;

/**
 * A study as its author wrote it, validated: what to optimise, how, with how much budget, on which worker
 * pool, over which search space; {@code trainer} is passed to the workers untouched.
 *
 * @param finalRefit    whether the best configuration is refit on training + validation data and evaluated
 *                      once on the test split when the search ends
 * @param refitSelect   {@code finalRefit.select}: the objective metric whose best member of a multi-objective
 *                      study's Pareto set is its best trial and so the one refit; null for the member closest to
 *                      the ideal point (see {@code ParetoChoice} in the optimizer)
 * @param warmStartFrom ids of earlier studies whose completed trials in a compatible space seed the surrogate
 * @param objectives    every objective, the first being {@code objective}; more than one makes a multi-objective
 *                      study, which searches for the Pareto set
 * @param references    the hypervolume reference value of a multi-objective study's metrics, where the spec gives
 *                      one ({@code objectives[i].reference})
 * @param constraints   bounds on metrics that a trial must respect to be feasible; the best trial is the best
 *                      feasible one
 * @param earlyStopping how poor trials are stopped before their last epoch, or null for never
 */
public record StudySpec(String name, Objective objective, StrategySpec strategy, Budget budget,
                        String workerPool, SearchSpace searchSpace, ObjectNode trainer, boolean finalRefit,
                        List<String> warmStartFrom, List<Objective> objectives, Map<String, Double> references,
                        List<OutcomeConstraint> constraints, EarlyStopping earlyStopping, String refitSelect) {

    public static final String DEFAULT_WORKER_POOL = "dl4j";
    /** At most this many studies to warm-start from. */
    public static final int MAX_WARM_START_STUDIES = 16;
    /** At most this many objectives in a multi-objective study. */
    public static final int MAX_OBJECTIVES = 4;
    /** At most this many outcome constraints. */
    public static final int MAX_CONSTRAINTS = 8;

    public StudySpec {
        warmStartFrom = List.copyOf(warmStartFrom);
        objectives = objectives == null || objectives.isEmpty() ? List.of(objective) : List.copyOf(objectives);
        if (!objectives.get(0).equals(objective)) {
            throw new IllegalArgumentException("objective " + objective + " must be the first of " + objectives);
        }
        references = references == null ? Map.of() : Map.copyOf(references);
        constraints = constraints == null ? List.of() : List.copyOf(constraints);
        if (refitSelect != null && objectives.stream().noneMatch(o -> o.metric().equals(refitSelect))) {
            throw new IllegalArgumentException("finalRefit.select " + refitSelect + " is not one of " + objectives);
        }
    }

    /** Whether the study searches for a Pareto set of several objectives. */
    public boolean multiObjective() {
        return objectives.size() > 1;
    }

    /** Whether a trial with these metrics respects every constraint (always, without constraints). */
    public boolean feasible(Map<String, Double> metrics) {
        return OutcomeConstraint.allHold(constraints, metrics);
    }
}
