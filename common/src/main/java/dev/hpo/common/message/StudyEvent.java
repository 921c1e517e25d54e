package dev.hpo.common.message;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * {@code hpo.study/v1}: a study was created, stopped or finished; the optimizer's own log on
 * {@code hpo.studies}, keyed by studyId, from which it rebuilds its studies. Every event carries the full spec
 * and the creation time, so that a compacted topic, which keeps only a study's last event, still holds all
 * that a replay needs.
 */
public record StudyEvent(String schema, String studyId, Type type, ObjectNode spec, String reason,
                         Instant createdAt, Instant at) {

    public static final String SCHEMA = "hpo.study/v1";

    /** What happened to the study. */
    public enum Type {
        CREATED, STOPPED, FINISHED
    }

    public static StudyEvent created(String studyId, ObjectNode spec, Instant at) {
        return new StudyEvent(SCHEMA, studyId, Type.CREATED, spec, null, at, at);
    }

    public static StudyEvent ended(String studyId, Type type, ObjectNode spec, String reason, Instant createdAt,
                                   Instant at) {
        return new StudyEvent(SCHEMA, studyId, type, spec, reason, createdAt, at);
    }
}
