package io.devopssim.core.forecast;

import io.devopssim.core.metrics.Sample;

import java.time.Duration;
import java.util.List;

/**
 * Port: a trained forecaster of a service's request rate for the next window, from its recent series (plugin-ml-gate's
 * XGBoost {@code LoadForecaster} is one). Holds native memory in some implementations: close it when done.
 */
public interface RequestRateForecaster extends AutoCloseable {

    /** The spacing of the points it reads (and of its forecast). */
    Duration step();

    /** How far after the last point of the series the forecast is: the next window. */
    Duration horizon();

    /** How many evenly spaced points, ending at the last observed one, {@link #forecast} reads. */
    int historyNeeded();

    /**
     * Requests per second {@link #horizon()} after the last of {@code recent}, never negative.
     *
     * @throws IllegalArgumentException when {@code recent} has fewer than {@link #historyNeeded()} points, is not
     *                                  spaced {@link #step()} apart, or holds a negative or non-finite rate
     */
    double forecast(List<Sample> recent);

    @Override
    default void close() {
    }
}
