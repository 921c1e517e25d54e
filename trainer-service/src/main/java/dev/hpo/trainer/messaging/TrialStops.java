package dev.hpo.trainer.messaging;

import java.util.Optional;

/** The stops the optimizer published on {@code hpo.control}, by trial: how a worker knows a trial it takes ended. */
@FunctionalInterface
public interface TrialStops {

    /** Why the optimizer stopped {@code trialId}, counting every stop published before this call; else empty. */
    Optional<String> reasonFor(String trialId);
}
