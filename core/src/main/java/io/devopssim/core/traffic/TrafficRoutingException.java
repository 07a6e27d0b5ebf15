package io.devopssim.core.traffic;

/** The router could not read or change the traffic split. */
public class TrafficRoutingException extends Exception {
    private static final long serialVersionUID = 1L;

    public TrafficRoutingException(String message) {
        super(message);
    }

    public TrafficRoutingException(String message, Throwable cause) {
        super(message, cause);
    }
}
