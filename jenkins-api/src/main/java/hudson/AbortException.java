package hudson;

import java.io.IOException;

/** Compile-only copy: a failure whose message alone is shown to the user, without a stack trace. */
public class AbortException extends IOException {

    public AbortException() {
    }

    public AbortException(String message) {
        super(message);
    }
}
