package io.devopssim.core.history;

import java.io.IOException;

/** A history line written in a format this code does not know: refused rather than misread. */
public class HistoryFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public HistoryFormatException(String message) {
        super(message);
    }
}
