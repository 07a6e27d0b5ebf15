package io.devopssim.mlgate.anomaly;

import java.time.Instant;

/**
 * A single-series streaming anomaly detector: values arrive one at a time, in time order, and each is
 * scored from the past alone, in bounded memory.
 */
public interface AnomalyDetector {
    /**
     * Scores {@code value} observed at {@code time}, then learns from it.
     *
     * @throws IllegalArgumentException for a non-finite value or a time before the previous one (equal times are accepted: real series repeat a timestamp)
     */
    AnomalyScore update(Instant time, double value);
}
