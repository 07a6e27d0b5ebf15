package io.devopssim.core.history;

import io.devopssim.core.metrics.Sample;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One side of one metric over a window, kept compact for the history file: parallel arrays of epoch
 * milliseconds and values. Only finite values are kept: a NaN or infinite point is missing data, which
 * every judge and the feature extractor drop anyway, and JSON has no number for it.
 *
 * @param times  epoch milliseconds, ascending
 * @param values one value per time
 */
public record SeriesPoints(long[] times, double[] values) {
    public SeriesPoints {
        if (times.length != values.length) {
            throw new IllegalArgumentException(times.length + " times but " + values.length + " values");
        }
        times = times.clone();
        values = values.clone();
    }

    public static SeriesPoints of(List<Sample> samples) {
        List<Sample> finite = samples.stream().filter(s -> Double.isFinite(s.value())).toList();
        long[] t = new long[finite.size()];
        double[] v = new double[finite.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = finite.get(i).time().toEpochMilli();
            v[i] = finite.get(i).value();
        }
        return new SeriesPoints(t, v);
    }

    public List<Sample> samples() {
        List<Sample> out = new ArrayList<>(times.length);
        for (int i = 0; i < times.length; i++) {
            out.add(new Sample(Instant.ofEpochMilli(times[i]), values[i]));
        }
        return out;
    }

    @Override
    public long[] times() {
        return times.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SeriesPoints p && Arrays.equals(times, p.times) && Arrays.equals(values, p.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(times) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "SeriesPoints[" + times.length + " points]";
    }
}
