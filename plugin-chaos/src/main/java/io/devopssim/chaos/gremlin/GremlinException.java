package io.devopssim.chaos.gremlin;

/** A Gremlin API call failed. The message names the call and the status, never the API key. */
public class GremlinException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int status;

    public GremlinException(String message, int status) {
        super(message);
        this.status = status;
    }

    public GremlinException(String message, Throwable cause) {
        super(message, cause);
        this.status = -1;
    }

    /** The HTTP status, or -1 when no answer came. */
    public int status() {
        return status;
    }
}
