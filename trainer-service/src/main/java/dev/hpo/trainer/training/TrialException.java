package dev.hpo.trainer.training;

/** A trial that cannot run as asked (bad parameter, trainer section or data); the message names the field and its value. */
public class TrialException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TrialException(String message) {
        super(message);
    }

    public TrialException(String message, Throwable cause) {
        super(message, cause);
    }
}
