package io.devopssim.chaos;

/** An experiment could not be run or resumed (its store failed, or it was started with another spec). */
public class ChaosException extends Exception {
    private static final long serialVersionUID = 1L;

    public ChaosException(String message) {
        super(message);
    }

    public ChaosException(String message, Throwable cause) {
        super(message, cause);
    }
}
