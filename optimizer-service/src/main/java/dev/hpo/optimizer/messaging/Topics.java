package dev.hpo.optimizer.messaging;

import dev.hpo.common.message.TrialTopics;

/** The topic names of the contract (DESIGN.md, "Kafka topics"). */
public final class Topics {

    public static final String STUDIES = "hpo.studies";
    public static final String RESULTS = "hpo.results";
    public static final String PROGRESS = "hpo.progress";
    public static final String CONTROL = "hpo.control";
    public static final String DLQ = "hpo.dlq";

    private Topics() {
    }

    /** The work queue of a worker pool. */
    public static String trials(String pool) {
        return TrialTopics.name(pool);
    }
}
