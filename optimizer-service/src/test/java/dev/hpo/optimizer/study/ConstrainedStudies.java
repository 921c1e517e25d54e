package dev.hpo.optimizer.study;

import dev.hpo.common.message.ResultMessage;
import dev.hpo.common.message.TrialStatus;
import dev.hpo.common.study.StudySpec;
import dev.hpo.common.study.StudySpecParser;
import dev.hpo.optimizer.strategy.RandomStrategy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Studies that maximise val_recall subject to val_precision ≥ 0.75, with results played in by hand. */
public final class ConstrainedStudies {

    public static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private ConstrainedStudies() {
    }

    /** A random-search study of {@code trials} trials, all issued at once; {@code constraints} as YAML. */
    public static Study study(int trials, String constraints) {
        StudySpec spec = StudySpecParser.parse("""
                name: constrained
                objective: {metric: val_recall, direction: maximize}
                strategy: {type: random, seed: 1}
                budget: {maxTrials: %d, parallelism: %d}
                searchSpace:
                  n: {type: int, min: 20, max: 60, step: 1}
                %s""".formatted(trials, trials, constraints));
        Study study = new Study("s1", spec, new RandomStrategy(spec.searchSpace(), 1), T0);
        study.issue(T0);
        return study;
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
