package io.devopssim.core.metrics;

/**
 * Port: baseline and canary series of a metric for a window. Implementations: the embedded simulator,
 * Prometheus' HTTP API.
 */
public interface MetricsProvider {

    /**
     * @throws MetricsUnavailableException when the source cannot answer; a judge turns that into
     *                                     INCONCLUSIVE or ERROR, never into a pass
     */
    CanaryBaseline fetch(MetricQuery query) throws MetricsUnavailableException;
}
