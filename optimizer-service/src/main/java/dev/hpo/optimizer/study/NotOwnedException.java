package dev.hpo.optimizer.study;

/**
 * A write this replica cannot take now because the study's partition is moving (being recovered here, or being
 * handed on); the API answers 503 with {@code Retry-After}, as the move completes within seconds.
 */
public class NotOwnedException extends RuntimeException {

    public NotOwnedException(String message) {
        super(message);
    }
}
