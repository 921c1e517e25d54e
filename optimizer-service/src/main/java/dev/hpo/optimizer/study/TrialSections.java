package dev.hpo.optimizer.study;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.common.study.StudySpec;

/**
 * Builds the trainer section a trial carries: the study's own section plus what a worker needs to run this
 * trial reproducibly ({@code seed}, unless the author fixed one) and the repeats to average.
 */
final class TrialSections {

    /** An odd 64-bit constant (the golden ratio's, as in SplitMix64) to spread trial numbers over seeds. */
    private static final long SEED_MIX = 0x9E3779B97F4A7C15L;

    private TrialSections() {
    }

    static ObjectNode forTrial(StudySpec spec, int number) {
        ObjectNode section = spec.trainer().deepCopy();
        if (!section.has("seed")) {
            section.put("seed", (spec.strategy().seed() * SEED_MIX + number) & Long.MAX_VALUE);
        }
        if (!section.has("executionsPerTrial")) {
            section.put("executionsPerTrial", spec.budget().executionsPerTrial());
        }
        return section;
    }
}
