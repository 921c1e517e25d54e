package dev.hpo.common.message;

/**
 * The work queue of a worker pool, {@code hpo.trials.<pool>}, as both services create it.
 *
 * <p>It has ONE partition. Kafka's share-group assignor gives each partition to ceil(members / partitions)
 * members, so with more partitions than trainers a partition belongs to one trainer alone, and a trial that
 * lands there waits for that trainer while the others idle. One partition is shared by every trainer of the
 * pool, whatever their number, and hands out one record at a time; trials arrive far slower than one
 * partition carries.
 */
public final class TrialTopics {

    /** The partitions of every trial topic; see the class comment. */
    public static final int PARTITIONS = 1;

    /**
     * The record header that names the optimizer replica which issued a trial (its {@code HPO_REPLICA_ID}, the
     * pod), so that a reader of the topic knows which replica drove the study at that moment.
     */
    public static final String REPLICA_HEADER = "hpo-replica";

    private TrialTopics() {
    }

    /** The trial topic of {@code pool}. */
    public static String name(String pool) {
        return "hpo.trials." + pool;
    }
}
