package io.devopssim.core.forecast;

import io.devopssim.core.metrics.Sample;

import java.time.Duration;

import java.util.List;

/** Port: a kind of forecaster that learns a {@link RequestRateForecaster} from one service's past request rate. */
public interface RequestRateModel {

    /** The spacing of the history it learns from. */
    Duration step();

    /** How many points of history {@link #fit} reads, ending now (it also holds what one forecast reads). */
    int trainingPoints();

    /**
     * A forecaster learnt from {@code history} ({@link #trainingPoints()} evenly spaced points).
     *
     * @throws IllegalArgumentException when the history is too short, uneven or holds an invalid rate
     */
    RequestRateForecaster fit(List<Sample> history);

    /** What it is, for logs and commit messages: {@code XGBoost on 7d of request rate}. */
    String describe();
}
