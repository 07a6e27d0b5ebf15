package io.devopssim.core.forecast;

import io.devopssim.core.metrics.Sample;
import io.devopssim.core.spec.Durations;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The seasonal naive forecast: the rate one season (a day) before the next point. It learns nothing, so it is the
 * baseline any model must beat (the forecast bench), and a forecaster that needs no more than a season of history.
 *
 * @param step   the spacing of the series
 * @param season the cycle, a whole number of steps (a day for traffic)
 */
public record SameTimeYesterday(Duration step, Duration season) implements RequestRateModel {
    public static final SameTimeYesterday DAILY = new SameTimeYesterday(Duration.ofMinutes(5), Duration.ofDays(1));

    public SameTimeYesterday {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(season, "season");
        if (step.isNegative() || step.isZero() || season.compareTo(step) <= 0
                || !step.multipliedBy(season.dividedBy(step)).equals(season)) {
            throw new IllegalArgumentException("the season " + season + " must be a whole number (at least 2) of steps " + step);
        }
    }

    @Override
    public int trainingPoints() {
        return Math.toIntExact(season.dividedBy(step));
    }

    @Override
    public RequestRateForecaster fit(List<Sample> history) {
        if (history.size() < trainingPoints()) {
            throw new IllegalArgumentException("a season of history is " + trainingPoints() + " points; got " + history.size());
        }
        return new Forecaster();
    }

    @Override
    public String describe() {
        return season.equals(Duration.ofDays(1)) ? "same time yesterday" : "same time " + Durations.format(season) + " before";
    }

    private final class Forecaster implements RequestRateForecaster {
        @Override
        public Duration step() {
            return step;
        }

        @Override
        public Duration horizon() {
            return step;
        }

        @Override
        public int historyNeeded() {
            return trainingPoints();
        }

        @Override
        public double forecast(List<Sample> recent) {
            int need = historyNeeded();
            if (recent.size() < need) {
                throw new IllegalArgumentException("a forecast needs the last " + need + " points; got " + recent.size());
            }
            Sample seasonAgo = recent.get(recent.size() - need);
            Sample last = recent.get(recent.size() - 1);
            if (!Duration.between(seasonAgo.time(), last.time()).equals(season.minus(step))) {
                throw new IllegalArgumentException("the points are not " + Durations.format(step) + " apart");
            }
            if (!(seasonAgo.value() >= 0) || Double.isInfinite(seasonAgo.value())) {
                throw new IllegalArgumentException("a request rate must be finite and not negative: " + seasonAgo.value());
            }
            return seasonAgo.value();
        }
    }
}
