package dev.hpo.optimizer.api;

import dev.hpo.common.study.Direction;
import dev.hpo.common.study.Objective;
import dev.hpo.optimizer.pareto.Objectives;
import dev.hpo.optimizer.pareto.ParetoChoice;
import dev.hpo.optimizer.pareto.ParetoSummary;
import dev.hpo.optimizer.study.Study;
import dev.hpo.optimizer.study.Trial;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The multi-objective part of the REST views: the objectives, the Pareto set, its hypervolume and how the best
 * trial was chosen from it.
 */
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

    /**
     * How a multi-objective study's {@code best} trial, the one its final refit trains, was chosen from the Pareto
     * set.
     *
     * @param rule     {@code ideal}: nearest to the ideal point once each objective is scaled to [0, 1] over the
     *                 set (the default); {@code select}: the best value of {@code metric} ({@code finalRefit.select})
     * @param metric   the metric of {@code select}; null for {@code ideal}
     * @param ideal    the ideal point: each objective's best value over the Pareto set, in the metric's units
     * @param distance the trial's distance to the ideal point after the scaling (0 when it is the ideal point)
     * @param reason   the rule and the trial in words, as the dashboard shows them
     */
    record BestChoice(String trialId, int number, String rule, String metric, Map<String, Double> ideal,
                      double distance, String reason) {
    }

    /** A multi-objective study's summary, computed once for a view, and the best trial chosen from it. */
    record Summary(ParetoSummary<Trial> pareto, Optional<ParetoChoice<Trial>> choice) {
    }

    private ParetoViews() {
    }

    /** The Pareto summary of a multi-objective study and its chosen best trial; empty for one objective. */
    static Optional<Summary> summary(Study s) {
        return s.pareto().map(p -> new Summary(p, s.choose(p)));
    }

    /** The study's best trial: for several objectives the one chosen from {@code summary}. */
    static Optional<Trial> best(Study s, Optional<Summary> summary) {
        return summary.isPresent() ? summary.get().choice().map(ParetoChoice::member) : s.best();
    }

    static List<ObjectiveView> objectives(Study s, Summary summary) {
        Objectives objectives = objectives(s);
        double[] reference = summary.pareto().reference();
        return IntStream.range(0, objectives.size()).mapToObj(j -> {
            Objective o = objectives.objectives().get(j);
            return new ObjectiveView(o.metric(), o.direction().json(), objectives.metricValue(j, reference[j]));
        }).toList();
    }

    static List<ParetoTrial> paretoSet(Study s, Summary summary) {
        List<Objective> objectives = s.spec().objectives();
        return summary.pareto().front().stream().map(t -> {
            Map<String, Double> values = new LinkedHashMap<>();
            objectives.forEach(o -> values.put(o.metric(), t.metrics().get(o.metric())));
            return new ParetoTrial(t.trialId(), t.number(), t.params(), values);
        }).toList();
    }

    /** How the best trial was chosen; null while the Pareto set is empty. */
    static BestChoice bestChoice(Study s, Summary summary) {
        return summary.choice().map(c -> bestChoice(s, summary.pareto().front().size(), c)).orElse(null);
    }

    private static BestChoice bestChoice(Study s, int members, ParetoChoice<Trial> c) {
        Objectives objectives = objectives(s);
        Map<String, Double> ideal = new LinkedHashMap<>();
        for (int j = 0; j < objectives.size(); j++) {
            ideal.put(objectives.objectives().get(j).metric(), objectives.metricValue(j, c.ideal()[j]));
        }
        Trial t = c.member();
        String reason;
        String metric = null;
        if (c.rule() == ParetoChoice.Rule.SELECT) {
            Objective o = objectives.objectives().get(c.select());
            metric = o.metric();
            reason = String.format(Locale.ROOT, "trial %d: the %s %s (%.4f) of the Pareto set's %d trials, as"
                    + " finalRefit.select asks", t.number(), o.direction() == Direction.MAXIMIZE
                    ? "highest" : "lowest", metric, t.metrics().get(metric), members);
        } else {
            reason = String.format(Locale.ROOT, "trial %d: nearest of the Pareto set's %d trials to the ideal point"
                    + " (%s), each objective scaled to [0, 1] over the set: distance %.4f", t.number(), members,
                    ideal.entrySet().stream().map(e -> String.format(Locale.ROOT, "%s %.4f", e.getKey(), e.getValue()))
                            .collect(Collectors.joining(", ")), c.distance());
        }
        return new BestChoice(t.trialId(), t.number(), c.rule().name().toLowerCase(Locale.ROOT), metric, ideal,
                c.distance(), reason);
    }

    /** The ids of the Pareto set's trials; null for a study of one objective (an empty summary). */
    static Set<String> paretoIds(Optional<Summary> summary) {
        return summary.map(p -> p.pareto().front().stream().map(Trial::trialId).collect(Collectors.toSet()))
                .orElse(null);
    }

    private static Objectives objectives(Study s) {
        return new Objectives(s.spec().objectives(), s.spec().references());
    }
}
