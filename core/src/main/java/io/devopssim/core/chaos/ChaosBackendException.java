package io.devopssim.core.chaos;

/** A backend could not do what it was asked. The message never holds a credential. */
public class ChaosBackendException extends Exception {
    private static final long serialVersionUID = 1L;

    public ChaosBackendException(String message) {
        super(message);
    }

    public ChaosBackendException(String message, Throwable cause) {
        super(message, cause);
    }
}
