package io.devopssim.multicloud;

/**
 * What a forecaster expects of a cluster's load over a window.
 *
 * @param peakRequestsPerSecond the highest request rate expected in the window
 * @param basis                 how it was forecast, for the commit message and the log
 */
public record LoadForecast(double peakRequestsPerSecond, String basis) {
    public LoadForecast {
        if (!(peakRequestsPerSecond >= 0) || Double.isInfinite(peakRequestsPerSecond)) {
            throw new IllegalArgumentException("a forecast peak is a finite rate >= 0, was " + peakRequestsPerSecond);
        }
    }
}
