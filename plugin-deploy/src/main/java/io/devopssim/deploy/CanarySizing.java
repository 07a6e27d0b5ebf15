package io.devopssim.deploy;

import io.devopssim.core.forecast.ForecastException;
import io.devopssim.core.forecast.RequestRateForecast;
import io.devopssim.core.forecast.RequestRateForecasts;
import io.devopssim.core.spec.CanaryScale;
import io.devopssim.core.traffic.TrafficRoutingException;

/**
 * Turns a {@code setCanaryScale: {forecast: ...}} into replicas: the service's request rate for the next window is
 * forecast and the scale sized for the canary's share of it at every weight from then on. Other scales pass as
 * they are. A forecast that cannot be made is an error, never a zero or a default size.
 */
final class CanarySizing {

    private CanarySizing() {
    }

    /** The scale to set, and the forecast it was sized for (null when it needed none). */
    record Sized(CanaryScale scale, RequestRateForecast forecast) {
        /** {@code : 2 replicas now (XGBoost on 7d of request rate: 412 req/s at 10:05 UTC)}, or nothing. */
        String note(int weight) {
            if (forecast == null) {
                return "";
            }
            int now = scale.pods(0, weight);
            return ": " + now + (now == 1 ? " replica" : " replicas") + " now (" + forecast.basis() + ")";
        }
    }

    static Sized size(CanaryScale asked, RequestRateForecasts forecasts) throws ForecastException {
        if (!asked.needsForecast()) {
            return new Sized(asked, null);
        }
        RequestRateForecast forecast = forecasts.next();
        return new Sized(asked.forecastAt(forecast.requestsPerSecond()), forecast);
    }

    /** After a restart: the scale in force, a forecast one sized on a fresh forecast (the old one is gone with the process). */
    static CanaryScale restored(CanaryScale inForce, RequestRateForecasts forecasts) throws TrafficRoutingException {
        try {
            return size(inForce, forecasts).scale();
        } catch (ForecastException e) {
            throw new TrafficRoutingException("cannot size the canary again after a restart: " + e.getMessage(), e);
        }
    }
}
