package io.devopssim.mlgate.judge;

import io.devopssim.core.metrics.Sample;

import java.util.Arrays;
import java.util.List;

/** Turns a series into the values a classifier compares: NaN handling, then optional outlier removal. */
final class SeriesCleaner {
    private final NanStrategy nanStrategy;
    private final OutlierStrategy outlierStrategy;
    private final double outlierFactor;

    SeriesCleaner(NanStrategy nanStrategy, OutlierStrategy outlierStrategy, double outlierFactor) {
        this.nanStrategy = nanStrategy;
        this.outlierStrategy = outlierStrategy;
        this.outlierFactor = outlierFactor;
    }

    /** Number of real (finite) points: what "enough data" is measured on, whatever the NaN strategy. */
    static int finiteCount(List<Sample> series) {
        return (int) series.stream().filter(s -> Double.isFinite(s.value())).count();
    }

    double[] clean(List<Sample> series) {
        double[] values = series.stream()
                .mapToDouble(Sample::value)
                // infinities are broken data like NaN, not very large numbers
                .map(v -> Double.isFinite(v) ? v : Double.NaN)
                .filter(v -> nanStrategy == NanStrategy.REPLACE || !Double.isNaN(v))
                .map(v -> Double.isNaN(v) ? 0 : v)
                .toArray();
        return outlierStrategy == OutlierStrategy.REMOVE ? withoutOutliers(values) : values;
    }

    /**
     * Drops points beyond the fences {@code q1 - f*IQR} and {@code q3 + f*IQR}. With an IQR of 0 (a
     * mostly constant series) every other value would be an outlier, so nothing is dropped.
     */
    private double[] withoutOutliers(double[] values) {
        if (values.length < 4) {
            return values;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double q1 = quantile(sorted, 0.25);
        double q3 = quantile(sorted, 0.75);
        double iqr = q3 - q1;
        if (iqr == 0) {
            return values;
        }
        double low = q1 - outlierFactor * iqr;
        double high = q3 + outlierFactor * iqr;
        return Arrays.stream(values).filter(v -> v >= low && v <= high).toArray();
    }

    /** Linear interpolation between closest ranks (R's type 7). */
    static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
