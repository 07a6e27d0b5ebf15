package io.devopssim.deploy;

/** A rollout could not be started or advanced; the message is one sentence for the user. */
public class RolloutException extends Exception {
    private static final long serialVersionUID = 1L;

    public RolloutException(String message) {
        super(message);
    }

    public RolloutException(String message, Throwable cause) {
        super(message, cause);
    }
}
