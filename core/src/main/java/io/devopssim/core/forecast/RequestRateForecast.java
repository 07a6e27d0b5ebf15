package io.devopssim.core.forecast;

import java.time.Instant;
import java.util.Objects;

/**
 * A forecast request rate.
 *
 * @param requestsPerSecond the rate expected (a window's peak when asked for one), finite and not negative
 * @param at                the instant it is expected at
 * @param basis             how it was forecast, for the log and commit messages
 */
public record RequestRateForecast(double requestsPerSecond, Instant at, String basis) {
    public RequestRateForecast {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(basis, "basis");
        if (!(requestsPerSecond >= 0) || Double.isInfinite(requestsPerSecond)) {
            throw new IllegalArgumentException("a forecast rate is finite and >= 0, was " + requestsPerSecond);
        }
    }
}
