package io.devopssim.mlgate.forecast;

import io.devopssim.core.forecast.RequestRateModel;
import io.devopssim.core.metrics.Sample;
import io.devopssim.core.spec.Durations;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Core's {@link RequestRateModel} as the XGBoost {@link LoadForecaster}: fitted on the last {@code training} of a
 * service's request rate at {@code step} spacing, then asked for the next window. A week at 5 minutes (2,016
 * points, about 1,700 training rows with the daily season) fits in well under a second.
 *
 * @param config   the forecaster's settings ({@link ForecastConfig#DAILY} by default)
 * @param step     the spacing of the history (5 minutes by default)
 * @param training how much history it learns from; must hold more than one season and the forecast's own history
 */
public record XgboostLoadModel(ForecastConfig config, Duration step, Duration training) implements RequestRateModel {
    public static final XgboostLoadModel DEFAULT = new XgboostLoadModel(ForecastConfig.DAILY, Duration.ofMinutes(5),
            Duration.ofDays(7));

    public XgboostLoadModel {
        Objects.requireNonNull(config, "config");
        if (step.isNegative() || step.isZero() || training.compareTo(step.multipliedBy(2)) < 0
                || !step.multipliedBy(training.dividedBy(step)).equals(training)) {
            throw new IllegalArgumentException("training " + training + " must be a whole number (at least 2) of steps " + step);
        }
    }

    @Override
    public int trainingPoints() {
        return Math.toIntExact(training.dividedBy(step));
    }

    @Override
    public LoadForecaster fit(List<Sample> history) {
        return LoadForecaster.fit(history, config);
    }

    @Override
    public String describe() {
        boolean days = training.toDays() > 0 && Duration.ofDays(training.toDays()).equals(training);
        return "XGBoost on " + (days ? training.toDays() + "d" : Durations.format(training)) + " of request rate";
    }
}
