package io.devopssim.core.forecast;

import java.time.Duration;

/** The forecast request rate of one service (a rollout's, a cluster's), from its own history. */
public interface RequestRateForecasts {

    /** No forecaster: every forecast is refused with the reason, so nothing is sized on a guess. */
    RequestRateForecasts NONE = new RequestRateForecasts() {
        @Override
        public boolean available() {
            return false;
        }

        @Override
        public RequestRateForecast next() throws ForecastException {
            throw new ForecastException("no load forecaster is available (plugin-ml-gate provides one)");
        }

        @Override
        public RequestRateForecast peak(Duration horizon) throws ForecastException {
            return next();
        }
    };

    /** Whether forecasts can be asked at all (false only for {@link #NONE}): checked before a rollout starts. */
    default boolean available() {
        return true;
    }

    /** The service's request rate over the next window from now. */
    RequestRateForecast next() throws ForecastException;

    /** The highest request rate expected from now until {@code horizon} from now. */
    RequestRateForecast peak(Duration horizon) throws ForecastException;
}
