package io.devopssim.chaos.jenkins;

import io.devopssim.core.metrics.CanaryBaseline;
import io.devopssim.core.metrics.MetricQuery;
import io.devopssim.core.metrics.MetricsProvider;
import io.devopssim.core.metrics.MetricsUnavailableException;

/**
 * The metrics source of a real backend's runtime when no Prometheus is given: none. BackendSettingsReader refuses
 * metric probes without one before anything starts; should one slip through, it measures nothing and so never holds.
 */
final class NoMetrics implements MetricsProvider {
    private final String backend;

    NoMetrics(String backend) {
        this.backend = backend;
    }

    @Override
    public CanaryBaseline fetch(MetricQuery query) throws MetricsUnavailableException {
        throw new MetricsUnavailableException("no metrics source for the " + backend + " backend");
    }
}
