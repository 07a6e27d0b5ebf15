package io.devopssim.multicloud;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * The simplest useful forecast: each cluster's mean request rate swinging over the day (peak at 12:00 UTC) as
 * in core's {@code FleetModel}, and the window's peak taken from samples every five minutes (and at its end).
 * Knows only the clusters it was given a mean for.
 */
public final class DiurnalLoadForecaster implements LoadForecaster {
    private static final double SECONDS_PER_DAY = 86_400;
    private static final double PHASE_SECONDS = 6 * 3_600;
    private static final Duration STEP = Duration.ofMinutes(5);

    private final Map<String, Double> meanRequestsPerSecond;
    private final double amplitude;

    /** @param amplitude relative daily swing, 0 ≤ amplitude < 1 (the simulator's is 0.2) */
    public DiurnalLoadForecaster(Map<String, Double> meanRequestsPerSecond, double amplitude) {
        if (!(amplitude >= 0 && amplitude < 1)) {
            throw new IllegalArgumentException("amplitude must be in [0, 1): " + amplitude);
        }
        this.meanRequestsPerSecond = Map.copyOf(meanRequestsPerSecond);
        this.amplitude = amplitude;
    }

    @Override
    public LoadForecast forecast(Cluster cluster, Instant from, Duration horizon) throws ForecastException {
        Double mean = meanRequestsPerSecond.get(cluster.name());
        if (mean == null) {
            throw new ForecastException("no load history for cluster " + cluster.name());
        }
        double peak = 0;
        Instant end = from.plus(horizon);
        for (Instant t = from; t.isBefore(end); t = t.plus(STEP)) {
            peak = Math.max(peak, mean * diurnal(t));
        }
        peak = Math.max(peak, mean * diurnal(end));
        return new LoadForecast(peak, String.format(Locale.ROOT, "daily profile around %.0f req/s, peak over the next %s",
                mean, io.devopssim.core.spec.Durations.format(horizon)));
    }

    private double diurnal(Instant t) {
        double seconds = t.getEpochSecond() + t.getNano() / 1e9;
        return 1 + amplitude * Math.sin(2 * Math.PI * (seconds - PHASE_SECONDS) / SECONDS_PER_DAY);
    }
}
