package dev.hpo.optimizer.strategy;

import java.util.List;
import java.util.Map;

/**
 * What a strategy may know of a study: completed observations, configurations still in flight, and
 * configurations that failed (they count against the budget and are never proposed again, but carry no
 * value for a surrogate).
 *
 * @param maximize whether larger objective values are better
 */
public record StudyHistory(List<Observation> completed, List<Map<String, Object>> pending,
                           List<Map<String, Object>> failed, boolean maximize) {

    public StudyHistory {
        completed = List.copyOf(completed);
        pending = List.copyOf(pending);
        failed = List.copyOf(failed);
    }

    public static StudyHistory empty(boolean maximize) {
        return new StudyHistory(List.of(), List.of(), List.of(), maximize);
    }

    /** Every configuration already proposed: completed, pending and failed. */
    public List<Map<String, Object>> seen() {
        return java.util.stream.Stream.of(completed.stream().map(Observation::params), pending.stream(),
                failed.stream()).flatMap(s -> s).toList();
    }
}
