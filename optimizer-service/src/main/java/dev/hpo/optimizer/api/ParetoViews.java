package dev.hpo.optimizer.api;

import dev.hpo.common.study.Objective;
import dev.hpo.optimizer.pareto.Objectives;
import dev.hpo.optimizer.pareto.ParetoSummary;
import dev.hpo.optimizer.study.Study;
import dev.hpo.optimizer.study.Trial;
import dev.hpo.optimizer.study.TrialState;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** The multi-objective part of the REST views: the objectives, the Pareto set and its hypervolume. */
final class ParetoViews {

    /**
     * An objective of a multi-objective study.
     *
     * @param reference the hypervolume reference value in use, in the metric's units: the spec's, or the default
     */
    record ObjectiveView(String metric, String direction, double reference) {
    }

    /** A trial of the Pareto set: its configuration and its objective values. */
    record ParetoTrial(String trialId, int number, Map<String, Object> params, Map<String, Double> values) {
    }

    private ParetoViews() {
    }

    /** The Pareto summary of a multi-objective study's completed trials, in completion order; empty otherwise. */
    static Optional<ParetoSummary<Trial>> summary(Study s) {
        if (!s.spec().multiObjective()) {
            return Optional.empty();
        }
        List<Trial> completed = completedInOrder(s);
        return Optional.of(ParetoSummary.of(objectives(s), completed, Trial::metrics));
    }

    /** Completed trials in the order they finished (trial number breaks ties). */
    static List<Trial> completedInOrder(Study s) {
        return s.trials().stream().filter(t -> t.state() == TrialState.COMPLETED)
                .sorted(Comparator.comparing(Trial::finishedAt).thenComparingInt(Trial::number)).toList();
    }

    static List<ObjectiveView> objectives(Study s, ParetoSummary<Trial> summary) {
        Objectives objectives = objectives(s);
        return IntStream.range(0, objectives.size()).mapToObj(j -> {
            Objective o = objectives.objectives().get(j);
            return new ObjectiveView(o.metric(), o.direction().json(),
                    objectives.metricValue(j, summary.reference()[j]));
        }).toList();
    }

    static List<ParetoTrial> paretoSet(Study s, ParetoSummary<Trial> summary) {
        List<Objective> objectives = s.spec().objectives();
        return summary.front().stream().map(t -> {
            Map<String, Double> values = new LinkedHashMap<>();
            objectives.forEach(o -> values.put(o.metric(), t.metrics().get(o.metric())));
            return new ParetoTrial(t.trialId(), t.number(), t.params(), values);
        }).toList();
    }

    /** The ids of the Pareto set's trials; null for a study of one objective (an empty summary). */
    static Set<String> paretoIds(Optional<ParetoSummary<Trial>> summary) {
        return summary.map(p -> p.front().stream().map(Trial::trialId).collect(Collectors.toSet())).orElse(null);
    }

    private static Objectives objectives(Study s) {
        return new Objectives(s.spec().objectives(), s.spec().references());
    }
}
