package io.devopssim.mlgate.eval.nab;

/** A labelled anomaly window, as row indices {@code [first, last]} of its data file, both inclusive. */
public record AnomalyWindow(int first, int last) {
    public AnomalyWindow {
        if (first < 0 || last < first) {
            throw new IllegalArgumentException("window rows must satisfy 0 <= first <= last: " + first + ".." + last);
        }
    }

    /** Rows in the window. */
    public int width() {
        return last - first + 1;
    }

    public boolean contains(int row) {
        return row >= first && row <= last;
    }
}
