package dev.hpo.optimizer.recovery;

import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * A partition of {@code hpo.studies} assigned to this replica: RECOVERING until its studies are rebuilt, then
 * OWNED. Input for its studies (a result, a progress event) that arrives while it recovers is kept and applied when
 * the recovery ends, so that nothing the replay did not read is lost and nothing is applied to a study not yet
 * rebuilt.
 */
final class AssignedPartition {

    private static final Logger LOG = Logger.getLogger(AssignedPartition.class);

    private boolean owned;
    private final List<Runnable> held = new ArrayList<>();

    /** Whether its studies are rebuilt and driven here. */
    synchronized boolean owned() {
        return owned;
    }

    /**
     * Whether input is to be applied now: yes once owned; while recovering {@code later} is kept for
     * {@link #recovered} and the answer is no.
     */
    synchronized boolean admit(Runnable later) {
        if (!owned) {
            held.add(later);
        }
        return owned;
    }

    /**
     * Marks the partition owned and runs the input kept meanwhile, in arrival order. Input admitted from now on is
     * applied at once, possibly beside the kept input: each study takes one at a time, and applying a result twice
     * changes nothing. Returns how many were kept.
     */
    int recovered() {
        List<Runnable> kept;
        synchronized (this) {
            owned = true;
            kept = new ArrayList<>(held);
            held.clear();
        }
        for (Runnable r : kept) {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.warnf("input held back during the recovery could not be applied: %s", e.getMessage());
            }
        }
        return kept.size();
    }
}
