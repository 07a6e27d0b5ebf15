package io.devopssim.mlgate.forecast;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of {@link LoadForecaster}.
 *
 * @param horizon   how many steps ahead to forecast (1: the next window)
 * @param lags      how many latest values are features
 * @param levelMean the values are scaled by the mean of this many latest values, so the model learns
 *                  relative changes and works at any traffic level (trees cannot extrapolate a level)
 * @param season    the seasonal cycle (a day for traffic), {@link Duration#ZERO} for none: the value one
 *                  season before the target is then a feature, and {@code forecast} needs a season of history
 * @param rounds    boosting rounds
 * @param maxDepth  tree depth
 * @param eta       learning rate
 * @param seed      XGBoost's seed: the same series gives the same model
 */
public record ForecastConfig(int horizon, int lags, int levelMean, Duration season, int rounds, int maxDepth, double eta,
                             long seed) {
    public static final ForecastConfig DAILY = new ForecastConfig(1, 6, 12, Duration.ofDays(1), 200, 4, 0.05, 7);

    public ForecastConfig {
        Objects.requireNonNull(season, "season");
        if (horizon < 1 || lags < 1 || levelMean < 1 || season.isNegative() || rounds < 1 || maxDepth < 1
                || !(eta > 0 && eta <= 1)) {
            throw new IllegalArgumentException("invalid forecast settings: horizon " + horizon + ", lags " + lags
                    + ", levelMean " + levelMean + ", season " + season + ", rounds " + rounds + ", maxDepth " + maxDepth
                    + ", eta " + eta);
        }
    }

    public ForecastConfig withHorizon(int steps) {
        return new ForecastConfig(steps, lags, levelMean, season, rounds, maxDepth, eta, seed);
    }
}
