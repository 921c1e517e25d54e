package dev.hpo.optimizer.study;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * A live feed of what changes in the studies (a trial issued, started, trained an epoch or ended; a study
 * ended), for server-sent events to dashboards. Subscribers that fall behind drop updates rather than slow
 * the study loop.
 */
@ApplicationScoped
public class StudyUpdates {

    /** One change: its kind, the study, the trial (null for a study-level change) and details. */
    public record Update(String kind, String studyId, String trialId, Map<String, Object> data) {
    }

    private final BroadcastProcessor<Update> processor = BroadcastProcessor.create();

    /** Serialised: a processor takes one signal at a time, and results of several studies are applied at once. */
    synchronized void publish(String kind, String studyId, String trialId, Map<String, Object> data) {
        processor.onNext(new Update(kind, studyId, trialId, data));
    }

    /** Every update from now on; a slow subscriber loses the oldest ones. */
    public Multi<Update> stream() {
        return processor.onOverflow().drop();
    }
}
