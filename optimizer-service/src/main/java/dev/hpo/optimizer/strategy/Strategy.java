package dev.hpo.optimizer.strategy;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A search strategy behind a narrow door (after Vizier's Pythia policies): given the study so far, propose
 * the next configurations. Storage, messaging and scheduling stay outside; implementations are plain Java.
 */
public interface Strategy {

    /**
     * Proposes up to {@code count} new configurations, each holding only the parameters active under their
     * conditions. Returns fewer when the space is exhausted (a finished grid); never a configuration equal to
     * a completed, failed or pending one while unseen ones remain.
     */
    List<Map<String, Object>> suggest(StudyHistory history, int count);

    /** What {@link #suggest} proposes, each configuration with whether it was a greedy choice (none, by default). */
    default List<Suggestion> propose(StudyHistory history, int count) {
        return suggest(history, count).stream().map(Suggestion::of).toList();
    }

    /** The number of distinct configurations this strategy can propose, when finite (a grid). */
    default OptionalLong size() {
        return OptionalLong.empty();
    }
}
