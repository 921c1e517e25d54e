package dev.hpo.optimizer.study;

import dev.hpo.common.message.ResultMessage;
import dev.hpo.common.message.TrialStatus;
import dev.hpo.common.study.StudySpec;
import dev.hpo.common.study.StudySpecParser;
import dev.hpo.optimizer.strategy.RandomStrategy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Studies that maximise val_recall (or val_recall and val_precision) subject to val_precision ≥ 0.75, with results
 * played in by hand.
 */
public final class ConstrainedStudies {

    public static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private ConstrainedStudies() {
    }

    /** The objectives of a study that searches for the Pareto set of recall and precision, as YAML. */
    public static final String RECALL_AND_PRECISION = "objectives: [{metric: val_recall, direction: maximize},"
            + " {metric: val_precision, direction: maximize}]\n";

    /** A random-search study of {@code trials} trials, all issued at once; {@code constraints} as YAML. */
    public static Study study(int trials, String constraints) {
        return study(trials, "objective: {metric: val_recall, direction: maximize}\n", constraints);
    }

    /** The same with the objective section ({@code objective} or {@code objectives}) and the rest given as YAML. */
    public static Study study(int trials, String objectives, String more) {
        StudySpec spec = StudySpecParser.parse("""
                name: constrained
                %sstrategy: {type: random, seed: 1}
                budget: {maxTrials: %d, parallelism: %d}
                searchSpace:
                  n: {type: int, min: 20, max: 60, step: 1}
                %s""".formatted(objectives, trials, trials, more));
        Study study = new Study("s1", spec, new RandomStrategy(spec.searchSpace(), 1), T0);
        study.issue(T0);
        return study;
    }

    /**
     * A study of recall and precision ({@code more} as YAML) whose four trials completed with (0.95, 0.40),
     * (0.80, 0.75), (0.50, 0.90) and (0.60, 0.60): trials 0, 1 and 2 make the Pareto set, 3 is dominated by 1.
     */
    public static Study paretoStudy(String more) {
        Study s = study(4, RECALL_AND_PRECISION, more);
        finish(s, 0, metrics(0.95, 0.40));
        finish(s, 1, metrics(0.80, 0.75));
        finish(s, 2, metrics(0.50, 0.90));
        finish(s, 3, metrics(0.60, 0.60));
        return s;
    }

    /** Completes trial {@code number} with these metrics, or fails it when they are null; in call order. */
    public static void finish(Study study, int number, Map<String, Double> metrics) {
        String id = Study.trialId(study.id(), number);
        TrialStatus status = metrics == null ? TrialStatus.FAILED : TrialStatus.COMPLETED;
        study.apply(ResultMessage.of(study.id(), id, 1, status, metrics == null ? Map.of() : metrics, 1, 10, "w",
                "cpu", metrics == null ? "boom" : null), T0.plusSeconds(number + 1));
    }

    /** The metrics of a trial with this recall and precision. */
    public static Map<String, Double> metrics(double recall, double precision) {
        return Map.of("val_recall", recall, "val_precision", precision);
    }

    public static final String PRECISION_AT_LEAST_075 = "constraints: [{metric: val_precision, min: 0.75}]\n";

    /** Trials of a study in number order. */
    public static List<Trial> trials(Study study) {
        return study.trials().stream().toList();
    }
}
