package io.devopssim.mlgate.forecast;

import io.devopssim.core.forecast.RequestRateForecaster;
import io.devopssim.core.metrics.Sample;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/**
 * Forecasts a request rate {@code horizon} steps ahead with an XGBoost regressor (xgboost4j, as the gate).
 * Features at the last observed point t, all relative to the level (the mean of the last
 * {@code levelMean} values): the last {@code lags} values, the mean of the last three, the value one
 * season before the target and one season before t (yesterday's change at this hour), and the target's
 * time of day and day of week (as sine and cosine, UTC). The model predicts the change from the last value
 * relative to the level; the forecast is never negative.
 *
 * <p>Series must be evenly spaced (a Prometheus range query is); the step is read from the history.
 * The booster lives in native memory: close the forecaster when done. Not thread-safe for predictions.
 * It is core's {@link RequestRateForecaster}; {@link XgboostLoadModel} is the {@code RequestRateModel} that fits it.
 */
public final class LoadForecaster implements RequestRateForecaster {
    private static final int FEATURES_WITHOUT_SEASON = 5;
    private static final double TWO_PI = 2 * Math.PI;
    /** A level below this (an idle service) scales as this, so relative features stay finite. */
    private static final double MIN_LEVEL = 1e-6;

    private final ForecastConfig config;
    private final Duration step;
    private final int seasonSteps;
    private final Booster booster;

    private LoadForecaster(ForecastConfig config, Duration step, int seasonSteps, Booster booster) {
        this.config = config;
        this.step = step;
        this.seasonSteps = seasonSteps;
        this.booster = booster;
    }

    /** Trains on every point of {@code history} that has enough past and a known value at the horizon. */
    public static LoadForecaster fit(List<Sample> history, ForecastConfig config) {
        Duration step = stepOf(history);
        int seasonSteps = seasonSteps(config, step);
        double[] values = values(history);
        int need = historyNeeded(config, seasonSteps);
        int columns = columns(config, seasonSteps);
        int rows = values.length - config.horizon() - need + 1;
        if (rows < 10 * columns) {
            throw new IllegalArgumentException("history of " + values.length + " points gives " + Math.max(rows, 0)
                    + " training rows; at least " + 10 * columns + " are needed (" + need + " points of past each)");
        }
        float[] data = new float[rows * columns];
        float[] labels = new float[rows];
        for (int r = 0; r < rows; r++) {
            int t = need - 1 + r;
            Instant target = history.get(t).time().plus(step.multipliedBy(config.horizon()));
            float[] row = features(values, t, target, config, seasonSteps);
            System.arraycopy(row, 0, data, r * columns, columns);
            labels[r] = (float) ((values[t + config.horizon()] - values[t]) / level(values, t, config));
        }
        try {
            DMatrix matrix = new DMatrix(data, rows, columns, Float.NaN);
            try {
                matrix.setLabel(labels);
                Booster booster = XGBoost.train(matrix, Map.of("objective", "reg:pseudohubererror", "max_depth", config.maxDepth(),
                        "eta", config.eta(), "seed", config.seed(), "nthread", 1, "tree_method", "exact", "verbosity", 0),
                        config.rounds(), Map.of(), null, null);
                return new LoadForecaster(config, step, seasonSteps, booster);
            } finally {
                matrix.dispose();
            }
        } catch (XGBoostError e) {
            throw new IllegalStateException("training the forecaster failed", e);
        }
    }

    /**
     * The rate {@code horizon} steps after the last of {@code recent}, which must hold at least
     * {@link #historyNeeded()} evenly spaced points ending now.
     */
    @Override
    public double forecast(List<Sample> recent) {
        if (recent.size() < historyNeeded()) {
            throw new IllegalArgumentException("a forecast needs the last " + historyNeeded() + " points; got " + recent.size());
        }
        List<Sample> tail = recent.subList(recent.size() - historyNeeded(), recent.size());
        Duration spacing = stepOf(tail);
        if (!spacing.equals(step)) {
            throw new IllegalArgumentException("points are " + spacing + " apart; the model was trained on " + step);
        }
        double[] values = values(tail);
        int t = values.length - 1;
        float[] row = features(values, t, tail.get(t).time().plus(step.multipliedBy(config.horizon())), config, seasonSteps);
        try {
            DMatrix matrix = new DMatrix(row, 1, row.length, Float.NaN);
            try {
                float change = booster.predict(matrix)[0][0];
                return Math.max(0, values[t] + change * level(values, t, config));
            } finally {
                matrix.dispose();
            }
        } catch (XGBoostError e) {
            throw new IllegalStateException("forecast failed", e);
        }
    }

    /** Points {@link #forecast} needs: the lags, the level's mean and, with a season, one season and one point. */
    @Override
    public int historyNeeded() {
        return historyNeeded(config, seasonSteps);
    }

    @Override
    public Duration step() {
        return step;
    }

    @Override
    public Duration horizon() {
        return step.multipliedBy(config.horizon());
    }

    @Override
    public void close() {
        booster.dispose();
    }

    private static float[] features(double[] v, int t, Instant target, ForecastConfig config, int seasonSteps) {
        double level = level(v, t, config);
        float[] f = new float[columns(config, seasonSteps)];
        int c = 0;
        for (int k = 0; k < config.lags(); k++) {
            f[c++] = (float) (v[t - k] / level - 1);
        }
        f[c++] = (float) ((v[t] + v[t - 1] + v[t - 2]) / 3 / level - 1);
        ZonedDateTime at = target.atZone(ZoneOffset.UTC);
        double day = at.toLocalTime().toSecondOfDay() / 86_400.0;
        double week = (at.getDayOfWeek().getValue() - 1 + day) / 7;
        f[c++] = (float) Math.sin(TWO_PI * day);
        f[c++] = (float) Math.cos(TWO_PI * day);
        f[c++] = (float) Math.sin(TWO_PI * week);
        f[c++] = (float) Math.cos(TWO_PI * week);
        if (seasonSteps > 0) {
            // the target one season ago, and how much it moved from the hour before (yesterday's change)
            double seasonAgo = v[t + config.horizon() - seasonSteps];
            f[c++] = (float) (seasonAgo / level - 1);
            f[c++] = (float) ((seasonAgo - v[t - seasonSteps]) / level);
        }
        return f;
    }

    private static double level(double[] v, int t, ForecastConfig config) {
        double sum = 0;
        for (int k = 0; k < config.levelMean(); k++) {
            sum += v[t - k];
        }
        return Math.max(sum / config.levelMean(), MIN_LEVEL);
    }

    private static int columns(ForecastConfig config, int seasonSteps) {
        return config.lags() + FEATURES_WITHOUT_SEASON + (seasonSteps > 0 ? 2 : 0);
    }

    private static int historyNeeded(ForecastConfig config, int seasonSteps) {
        return Math.max(Math.max(config.lags(), config.levelMean()), 3) + (seasonSteps > 0 ? seasonSteps : 0);
    }

    private static int seasonSteps(ForecastConfig config, Duration step) {
        if (config.season().isZero()) {
            return 0;
        }
        long steps = config.season().toNanos() / step.toNanos();
        if (steps * step.toNanos() != config.season().toNanos() || steps <= config.horizon()) {
            throw new IllegalArgumentException("the season " + config.season() + " is not a whole number of " + step
                    + " steps longer than the horizon");
        }
        return (int) steps;
    }

    /** The spacing of the points; every gap must be that. */
    private static Duration stepOf(List<Sample> series) {
        if (series.size() < 2) {
            throw new IllegalArgumentException("a series needs at least two points");
        }
        Duration step = Duration.between(series.get(0).time(), series.get(1).time());
        if (step.isNegative() || step.isZero()) {
            throw new IllegalArgumentException("points must move forward in time: " + series.get(0).time() + ", " + series.get(1).time());
        }
        for (int i = 2; i < series.size(); i++) {
            if (!Duration.between(series.get(i - 1).time(), series.get(i).time()).equals(step)) {
                throw new IllegalArgumentException("the series is not evenly spaced at " + series.get(i).time()
                        + " (step " + step + "): resample it first");
            }
        }
        return step;
    }

    private static double[] values(List<Sample> series) {
        double[] v = new double[series.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = series.get(i).value();
            if (!Double.isFinite(v[i]) || v[i] < 0) {
                throw new IllegalArgumentException("a request rate must be finite and not negative: " + v[i] + " at "
                        + series.get(i).time());
            }
        }
        return v;
    }
}
