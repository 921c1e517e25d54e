package dev.hpo.common.message;

/** A record that is not a valid message of the expected schema; the message is the reason sent to the DLQ. */
public class InvalidMessageException extends RuntimeException {

    public InvalidMessageException(String reason) {
        super(reason);
    }
}
