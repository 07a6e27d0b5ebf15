package io.devopssim.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Durations of one kind of operation, and their order statistics. */
final class Timings {
    private final List<Double> millis = new ArrayList<>();

    void add(long nanos) {
        millis.add(nanos / 1_000_000.0);
    }

    int count() {
        return millis.size();
    }

    double median() {
        return percentile(50);
    }

    double p90() {
        return percentile(90);
    }

    /** Nearest-rank percentile. */
    double percentile(int p) {
        if (millis.isEmpty()) {
            throw new IllegalStateException("no timings");
        }
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
