package dev.hpo.trainer.worker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpo.common.message.TrialMessage;
import org.jboss.logging.Logger;

/**
 * Fault injection for the reliability tests: a study's {@code trainer.faults: {haltOnTrials: [numbers]}} makes
 * the worker's JVM die (as {@code kill -9} would, no shutdown hook) when it starts training one of those
 * trials, on every delivery; {@code epochDelayMs: N} makes every epoch last at least N ms more, so that a test
 * can rely on a trial outlasting a lock or a kill whatever the machine's speed; {@code haltWhenStopped: true} makes
 * the JVM die when a stop from the optimizer has ended the trial's training, before its result is published and the
 * trial acknowledged. A worker obeys it only with {@code hpo.worker.fault-injection=true}; any other
 * worker fails such a trial with the reason, so that a production pool cannot be crashed by a study.
 */
final class Faults {

    private static final Logger LOG = Logger.getLogger(Faults.class);
    /** The exit status of a JVM killed by SIGKILL, so that supervisors see the same thing. */
    private static final int KILLED = 137;

    private Faults() {
    }

    /** Sleeps the delay {@code trial} asks for after an epoch (nothing without faults); on the training thread. */
    static void afterEpoch(TrialMessage trial, boolean enabled) {
        long delay = trial.trainer().path("faults").path("epochDelayMs").asLong(0);
        if (enabled && delay > 0) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Halts the JVM if {@code trial} asks for it once a stop from the optimizer ended its training; on the worker
     * thread, before the result is published. A trial with faults is refused before it trains unless enabled.
     */
    static void whenStopped(TrialMessage trial, boolean enabled) {
        if (enabled && trial.trainer().path("faults").path("haltWhenStopped").asBoolean(false)) {
            halt("fault injection: halting this JVM after trial %s (#%d) was stopped, before its result", trial);
        }
    }

    /** Obeys (or refuses) the faults {@code trial} asks for; called on the training thread. */
    static void beforeTraining(TrialMessage trial, boolean enabled) {
        JsonNode faults = trial.trainer().path("faults");
        if (faults.isMissingNode()) {
            return;
        }
        if (!enabled) {
            throw new IllegalArgumentException("trainer.faults is for tests and this worker does not obey it "
                    + "(hpo.worker.fault-injection=false)");
        }
        for (JsonNode n : faults.path("haltOnTrials")) {
            if (n.asInt(-1) == trial.number()) {
                halt("fault injection: halting this JVM at the start of trial %s (#%d)", trial);
            }
        }
    }

    private static void halt(String message, TrialMessage trial) {
        LOG.errorf(message, trial.trialId(), trial.number());
        Runtime.getRuntime().halt(KILLED);
    }
}
