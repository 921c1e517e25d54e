package dev.hpo.optimizer.study;

/** No study with this id is known to this optimizer. */
public class UnknownStudyException extends RuntimeException {

    public UnknownStudyException(String studyId) {
        super("unknown study " + studyId);
    }
}
