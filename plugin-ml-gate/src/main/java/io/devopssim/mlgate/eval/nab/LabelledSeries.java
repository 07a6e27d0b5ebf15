package io.devopssim.mlgate.eval.nab;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One NAB data file with its anomaly windows.
 *
 * @param name    the corpus-relative name, {@code <category>/<file>.csv}
 * @param times   one per row, in order (a timestamp may repeat, as in some real NAB files)
 * @param values  one per row
 * @param windows in row order, not overlapping, none inside the probationary period
 */
public record LabelledSeries(String name, List<Instant> times, double[] values, List<AnomalyWindow> windows) {
    public LabelledSeries {
        Objects.requireNonNull(name, "name");
        times = List.copyOf(times);
        values = values.clone();
        windows = List.copyOf(windows);
        if (times.size() != values.length || values.length == 0) {
            throw new IllegalArgumentException(name + ": " + times.size() + " times for " + values.length + " values");
        }
        int probation = NabScorer.probationRows(values.length);
        int previousLast = -1;
        for (AnomalyWindow w : windows) {
            if (w.last() >= values.length) {
                throw new IllegalArgumentException(name + ": window " + w + " beyond its " + values.length + " rows");
            }
            if (w.first() <= previousLast) {
                throw new IllegalArgumentException(name + ": windows overlap or are out of order at " + w);
            }
            if (w.first() < probation) {
                // NAB's optimizer asserts the same: a window in the probationary period cannot be scored
                throw new IllegalArgumentException(name + ": window " + w + " starts in the probationary period (first "
                        + probation + " rows)");
            }
            previousLast = w.last();
        }
    }

    /** The part of the name before the first '/', e.g. {@code realKnownCause}. */
    public String category() {
        int slash = name.indexOf('/');
        return slash < 0 ? name : name.substring(0, slash);
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    public int rows() {
        return values.length;
    }
}
