package io.devopssim.multicloud;

import java.time.Duration;
import java.time.Instant;

/**
 * Port: the load a cluster is expected to carry over a coming window, to size it before a wave. plugin-ml-gate's
 * forecaster can implement it (it is being written); {@link DiurnalLoadForecaster} is the simple one here.
 */
@FunctionalInterface
public interface LoadForecaster {

    LoadForecast forecast(Cluster cluster, Instant from, Duration horizon) throws ForecastException;

    /** No forecast could be made (no history, model unavailable): the wave does not start on a guess. */
    class ForecastException extends Exception {
        private static final long serialVersionUID = 1L;

        public ForecastException(String message) {
            super(message);
        }
    }
}
