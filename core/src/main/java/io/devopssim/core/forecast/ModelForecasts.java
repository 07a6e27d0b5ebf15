package io.devopssim.core.forecast;

import io.devopssim.core.metrics.CanaryBaseline;
import io.devopssim.core.metrics.MetricQuery;
import io.devopssim.core.metrics.MetricsProvider;
import io.devopssim.core.metrics.MetricsUnavailableException;
import io.devopssim.core.metrics.Sample;
import io.devopssim.core.metrics.StandardMetrics;
import io.devopssim.core.spec.Durations;
import io.devopssim.core.time.Clock;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Forecasts of a service's request rate by a {@link RequestRateModel} learnt, at each call, from the service's
 * own {@code request_rate} history in a {@link MetricsProvider}: the baseline's and the canary's rates added, so
 * a rollout under way does not look like a drop in traffic. Learning at each call keeps no model between
 * calls (nothing to invalidate after a restart); it costs a fit, well under a second for a week at 5 minutes.
 *
 * <p>The history must be complete: a point where neither version reported a rate is an error naming the gap,
 * never a zero. A peak over a window is forecast step by step, each forecast fed back as the next point.
 */
public final class ModelForecasts implements RequestRateForecasts {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
    /** A peak forecast fed back more steps than this drifts too far from anything observed. */
    static final int MAX_PEAK_STEPS = 288;

    private final RequestRateModel model;
    private final MetricsProvider metrics;
    private final Clock clock;

    public ModelForecasts(RequestRateModel model, MetricsProvider metrics, Clock clock) {
        this.model = Objects.requireNonNull(model, "model");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public RequestRateForecast next() throws ForecastException {
        List<Sample> history = history();
        try (RequestRateForecaster forecaster = fit(history)) {
            Instant last = history.get(history.size() - 1).time();
            double rate = forecast(forecaster, history);
            Instant at = last.plus(forecaster.horizon());
            return new RequestRateForecast(rate, at, String.format(Locale.ROOT, "%s: %.0f req/s at %s", model.describe(),
                    rate, TIME.format(at)));
        }
    }

    @Override
    public RequestRateForecast peak(Duration horizon) throws ForecastException {
        if (horizon.isNegative() || horizon.isZero()) {
            throw new IllegalArgumentException("a peak needs a positive horizon: " + horizon);
        }
        List<Sample> series = new ArrayList<>(history());
        try (RequestRateForecaster forecaster = fit(series)) {
            if (!forecaster.horizon().equals(forecaster.step())) {
                throw new ForecastException("a peak is forecast one step at a time; this forecaster looks "
                        + Durations.format(forecaster.horizon()) + " ahead at steps of " + Durations.format(forecaster.step()));
            }
            long steps = (horizon.toNanos() + forecaster.step().toNanos() - 1) / forecaster.step().toNanos();
            if (steps > MAX_PEAK_STEPS) {
                throw new ForecastException("a peak over " + Durations.format(horizon) + " needs " + steps + " steps of "
                        + Durations.format(forecaster.step()) + "; at most " + MAX_PEAK_STEPS + " are forecast");
            }
            Sample peak;
            try {
                peak = peak(forecaster, series, (int) steps);
            } catch (IllegalArgumentException e) {
                throw new ForecastException("forecast failed: " + e.getMessage(), e);
            }
            return new RequestRateForecast(peak.value(), peak.time(), String.format(Locale.ROOT,
                    "%s: peak %.0f req/s at %s over the next %s", model.describe(), peak.value(), TIME.format(peak.time()),
                    Durations.format(horizon)));
        }
    }

    /**
     * The highest of the last observed rate (the window starts now) and {@code steps} forecasts, each fed back as
     * the next point of the series; the forecaster must look one step ahead. The bench measures this same code.
     *
     * @throws IllegalArgumentException when {@code recent} is shorter than the forecaster's history, or uneven
     */
    public static Sample peak(RequestRateForecaster forecaster, List<Sample> recent, int steps) {
        int need = forecaster.historyNeeded();
        if (recent.size() < need) {
            throw new IllegalArgumentException("a forecast needs the last " + need + " points of request rate; the history has "
                    + recent.size());
        }
        List<Sample> series = new ArrayList<>(recent.subList(recent.size() - need, recent.size()));
        Sample peak = series.get(series.size() - 1);
        for (int i = 0; i < steps; i++) {
            double rate = forecaster.forecast(series.subList(series.size() - need, series.size()));
            Sample next = new Sample(series.get(series.size() - 1).time().plus(forecaster.step()), rate);
            series.add(next);
            peak = rate > peak.value() ? next : peak;
        }
        return peak;
    }

    private RequestRateForecaster fit(List<Sample> history) throws ForecastException {
        try {
            return model.fit(history);
        } catch (IllegalArgumentException e) {
            throw new ForecastException("the load model cannot learn from the request-rate history: " + e.getMessage(), e);
        }
    }

    private static double forecast(RequestRateForecaster forecaster, List<Sample> series) throws ForecastException {
        int need = forecaster.historyNeeded();
        if (series.size() < need) {
            throw new ForecastException("a forecast needs the last " + need + " points of request rate; the history has "
                    + series.size());
        }
        try {
            return forecaster.forecast(series.subList(series.size() - need, series.size()));
        } catch (IllegalArgumentException e) {
            throw new ForecastException("forecast failed: " + e.getMessage(), e);
        }
    }

    /** The model's training points of the service's request rate, ending at the last whole step before now. */
    List<Sample> history() throws ForecastException {
        Duration step = model.step();
        int points = model.trainingPoints();
        if (points > MetricQuery.MAX_POINTS) {
            throw new ForecastException("the load model wants " + points + " points of history; a metrics source serves at most "
                    + MetricQuery.MAX_POINTS);
        }
        Instant now = clock.now();
        long stepMillis = step.toMillis();
        Instant last = Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), stepMillis) * stepMillis);
        Instant first = last.minus(step.multipliedBy(points - 1L));
        CanaryBaseline rates;
        try {
            rates = metrics.fetch(new MetricQuery(StandardMetrics.REQUEST_RATE, first, last.plus(step), step));
        } catch (MetricsUnavailableException e) {
            throw new ForecastException("no request-rate history: " + e.getMessage(), e);
        }
        Map<Instant, Double> total = new TreeMap<>();
        rates.baseline().forEach(s -> total.merge(s.time(), s.value(), Double::sum));
        rates.canary().forEach(s -> total.merge(s.time(), s.value(), Double::sum));
        List<Sample> series = new ArrayList<>(points);
        Instant expected = first;
        for (Map.Entry<Instant, Double> e : total.entrySet()) {
            if (e.getKey().isBefore(first) || e.getKey().isAfter(last)) {
                continue;
            }
            if (!e.getKey().equals(expected)) {
                throw gap(expected, first, points, step);
            }
            series.add(new Sample(e.getKey(), e.getValue()));
            expected = expected.plus(step);
        }
        if (series.size() < points) {
            throw gap(expected, first, points, step);
        }
        return series;
    }

    private ForecastException gap(Instant missing, Instant first, int points, Duration step) {
        return new ForecastException(String.format(Locale.ROOT,
                "the request-rate history has no point at %s: %s needs %d points every %s since %s (%s of history)",
                missing, model.describe(), points, Durations.format(step), first,
                Durations.format(step.multipliedBy(points))));
    }
}
