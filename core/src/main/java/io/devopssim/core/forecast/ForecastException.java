package io.devopssim.core.forecast;

/** No forecast could be made (too little history, no metrics, no model): nothing is sized on a guess. */
public class ForecastException extends Exception {
    private static final long serialVersionUID = 1L;

    public ForecastException(String message) {
        super(message);
    }

    public ForecastException(String message, Throwable cause) {
        super(message, cause);
    }
}
