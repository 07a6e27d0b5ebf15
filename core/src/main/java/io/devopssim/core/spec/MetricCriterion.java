package io.devopssim.core.spec;

/**
 * A threshold on one metric: absolute bounds on the canary's mean and/or a bound relative to the
 * baseline. Null means "no bound".
 *
 * @param metric   metric name
 * @param max      the canary's mean must be at most this
 * @param min      the canary's mean must be at least this
 * @param maxRatio the canary's mean must be at most this many times the baseline's
 */
public record MetricCriterion(String metric, Double max, Double min, Double maxRatio) {
}
