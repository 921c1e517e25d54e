package dev.hpo.optimizer.study;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.common.study.StudySpec;

/**
 * Builds the trainer section a trial carries: the study's own section plus what a worker needs to run this
 * trial reproducibly ({@code seed}, unless the author fixed one), the repeats to average, and whether it is
 * the final refit.
 */
final class TrialSections {

    /** An odd 64-bit constant (the golden ratio's, as in SplitMix64) to spread trial numbers over seeds. */
    private static final long SEED_MIX = 0x9E3779B97F4A7C15L;

    private TrialSections() {
    }

    /** @param refit the final refit: train on training + validation data, evaluate on the test split, save the model */
    static ObjectNode forTrial(StudySpec spec, int number, boolean refit) {
        ObjectNode section = spec.trainer().deepCopy();
        if (refit) {
            section.put("refit", true);
        }
        if (!section.has("seed")) {
            section.put("seed", (spec.strategy().seed() * SEED_MIX + number) & Long.MAX_VALUE);
        }
        if (!section.has("executionsPerTrial")) {
            section.put("executionsPerTrial", spec.budget().executionsPerTrial());
        }
        return section;
    }
}
