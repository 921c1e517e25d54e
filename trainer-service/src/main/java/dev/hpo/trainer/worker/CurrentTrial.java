package dev.hpo.trainer.worker;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The stop state of the trial a worker is training: stopped by a control message (pruned, study stopped) or
 * by its time limit. The first reason wins; read by the training thread between batches.
 */
final class CurrentTrial {

    final String trialId;
    private final AtomicReference<String> reason = new AtomicReference<>();
    private volatile boolean timedOut;

    CurrentTrial(String trialId) {
        this.trialId = trialId;
    }

    boolean stop(String why) {
        return reason.compareAndSet(null, why);
    }

    /** Whether the trial should stop now; records a time-limit stop the first time the limit is passed. */
    boolean stopRequested(long startNanos, Duration limit) {
        if (reason.get() == null && System.nanoTime() - startNanos > limit.toNanos()
                && stop("time limit of " + limit.toSeconds() + " s exceeded")) {
            timedOut = true;
        }
        return reason.get() != null;
    }

    String reason() {
        return reason.get();
    }

    boolean timedOut() {
        return timedOut;
    }
}
