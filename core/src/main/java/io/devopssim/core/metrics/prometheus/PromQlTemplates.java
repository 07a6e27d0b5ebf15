package io.devopssim.core.metrics.prometheus;

import io.devopssim.core.metrics.StandardMetrics;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * PromQL per metric, with {@value #SELECTOR} where the canary's or the baseline's label matchers go
 * (braces included, e.g. <code>{app="shop",track="canary"}</code>). Each query must return one series.
 *
 * @param byMetric PromQL template per metric name
 */
public record PromQlTemplates(Map<String, String> byMetric) {
    public static final String SELECTOR = "{{selector}}";

    public PromQlTemplates {
        byMetric = Map.copyOf(byMetric);
        byMetric.forEach((metric, template) -> {
            if (!template.contains(SELECTOR)) {
                throw new IllegalArgumentException("the query of " + metric + " has no " + SELECTOR + ": " + template);
            }
        });
    }

    public String render(String metric, String selector) {
        String template = byMetric.get(metric);
        Objects.requireNonNull(template, metric);
        return template.replace(SELECTOR, selector);
    }

    public boolean knows(String metric) {
        return byMetric.containsKey(metric);
    }

    /**
     * The {@link StandardMetrics} over the simulator's /metrics (and any service exporting the same
     * names). Rates use {@code rateWindow}: at least two scrape intervals, or rate() has nothing to use.
     */
    public static PromQlTemplates devsim(Duration rateWindow) {
        String w = "[" + rateWindow.toSeconds() + "s]";
        String buckets = "sum by (le) (rate(devsim_request_duration_seconds_bucket" + SELECTOR + w + "))";
        return new PromQlTemplates(Map.of(
                StandardMetrics.ERROR_RATE, "sum(rate(devsim_request_errors_total" + SELECTOR + w + ")) / sum(rate(devsim_requests_total" + SELECTOR + w + "))",
                StandardMetrics.LATENCY_P50_MS, "1000 * histogram_quantile(0.5, " + buckets + ")",
                StandardMetrics.LATENCY_P99_MS, "1000 * histogram_quantile(0.99, " + buckets + ")",
                StandardMetrics.CPU_CORES, "avg(devsim_cpu_cores" + SELECTOR + ")",
                StandardMetrics.MEMORY_MIB, "avg(devsim_memory_bytes" + SELECTOR + ") / 1048576",
                StandardMetrics.REQUEST_RATE, "sum(rate(devsim_requests_total" + SELECTOR + w + "))"));
    }
}
