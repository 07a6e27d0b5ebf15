package io.devopssim.chaos;

import java.util.Objects;

/**
 * An experiment spec file as a whole: the experiment the engine runs, and where it runs, when the file says so.
 *
 * @param experiment what to inject and check
 * @param backend    the {@code backend:} section; null when absent
 * @param metrics    the {@code metrics:} section; null when absent
 */
public record ExperimentDocument(ExperimentSpec experiment, BackendChoice backend, MetricsSection metrics) {
    public ExperimentDocument {
        Objects.requireNonNull(experiment, "experiment");
    }

    /**
     * The {@code metrics:} section as written, every part optional: a step argument may give the rest.
     *
     * @param prometheus       Prometheus' root URL, ending in {@code /}
     * @param canarySelector   PromQL label matchers, braces included
     * @param baselineSelector PromQL label matchers, braces included
     * @param rateWindow       null for {@link PrometheusSource#DEFAULT_RATE_WINDOW}
     */
    public record MetricsSection(java.net.URI prometheus, String canarySelector, String baselineSelector,
                                 java.time.Duration rateWindow) {
    }
}
