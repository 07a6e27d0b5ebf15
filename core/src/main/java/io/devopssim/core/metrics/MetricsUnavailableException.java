package io.devopssim.core.metrics;

/** The metrics source could not answer a query. */
public class MetricsUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    public MetricsUnavailableException(String message) {
        super(message);
    }

    public MetricsUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
