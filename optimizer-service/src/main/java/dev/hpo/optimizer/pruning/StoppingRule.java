package dev.hpo.optimizer.pruning;

import java.util.Collection;
import java.util.Optional;

/**
 * Decides, after each epoch a trial reports, whether it should be stopped for being poor (Vizier's
 * {@code early_stop} next to {@code suggest}). Plain Java, stateless and deterministic: the decision depends only on
 * the curves given, so it is the same on every replay.
 */
public interface StoppingRule {

    /**
     * @param trial  the running trial, its last value being the epoch just reported
     * @param others every other trial of the study that reported an epoch, in any state
     * @return why the trial should stop (the rule and its numbers), or empty to let it go on
     */
    Optional<String> judge(LearningCurve trial, Collection<LearningCurve> others);
}
