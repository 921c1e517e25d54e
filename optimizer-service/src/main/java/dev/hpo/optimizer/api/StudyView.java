package dev.hpo.optimizer.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.common.study.StudySpecJson;
import dev.hpo.optimizer.study.Study;
import dev.hpo.optimizer.study.StudyStatus;
import dev.hpo.optimizer.study.TrialState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A study as the REST API shows it: status, counts by trial state, the best (feasible) trial, the final refit (test
 * metrics and the saved model's location), how many earlier observations seed its surrogate ({@code warmStartFrom}),
 * the outcome constraints as a reader writes them ({@code val_precision >= 0.75}) and the full spec; for a
 * multi-objective study also the objectives (with the hypervolume reference in use), the Pareto set of the
 * completed feasible trials, its hypervolume and how {@code best} was chosen from it (null for a study of one
 * objective).
 *
 * @param best       the best (feasible) trial; of a multi-objective study, the member of {@code paretoSet} that
 *                   {@code bestChoice} names, the one the final refit trains
 * @param bestChoice how a multi-objective study's best trial was chosen from its Pareto set; null for one objective
 *                   or while the set is empty
 */
public record StudyView(String id, String name, StudyStatus status, String strategy, String objective,
                        String direction, int maxTrials, Long gridSize, Counts counts, TrialView best,
                        TrialView refit, Instant createdAt, Instant endedAt, String endReason,
                        int warmStartObservations, List<String> constraints, ObjectNode spec,
                        List<ParetoViews.ObjectiveView> objectives, List<ParetoViews.ParetoTrial> paretoSet,
                        Double hypervolume, ParetoViews.BestChoice bestChoice) {

    /**
     * Trials by state; {@code total} counts every issued trial.
     *
     * @param feasible completed trials that respect every constraint; null when the study has none
     */
    public record Counts(long total, long queued, long running, long completed, long failed, long pruned,
                         Long feasible) {
    }

    public static StudyView of(Study s) {
        String metric = s.spec().objective().metric();
        Optional<ParetoViews.Summary> pareto = ParetoViews.summary(s);
        Set<String> paretoIds = ParetoViews.paretoIds(pareto);
        Counts counts = new Counts(s.trials().size(), s.count(TrialState.QUEUED), s.count(TrialState.RUNNING),
                s.count(TrialState.COMPLETED), s.count(TrialState.FAILED), s.count(TrialState.PRUNED),
                s.spec().constraints().isEmpty() ? null : s.feasibleCount());
        Long gridSize = s.strategy().size().isPresent() ? s.strategy().size().getAsLong() : null;
        return new StudyView(s.id(), s.spec().name(), s.status(), s.spec().strategy().type().name().toLowerCase(),
                metric, s.spec().objective().direction().json(), s.spec().budget().maxTrials(), gridSize, counts,
                ParetoViews.best(s, pareto).map(t -> TrialView.of(s, t, paretoIds)).orElse(null),
                s.refit().map(t -> TrialView.of(s, t)).orElse(null), s.createdAt(), s.endedAt(), s.endReason(),
                s.warmStartObservations(), s.spec().constraints().stream().map(Object::toString).toList(),
                StudySpecJson.write(s.spec()),
                pareto.map(p -> ParetoViews.objectives(s, p)).orElse(null),
                pareto.map(p -> ParetoViews.paretoSet(s, p)).orElse(null),
                pareto.map(p -> p.pareto().hypervolume()).orElse(null),
                pareto.map(p -> ParetoViews.bestChoice(s, p)).orElse(null));
    }

}
