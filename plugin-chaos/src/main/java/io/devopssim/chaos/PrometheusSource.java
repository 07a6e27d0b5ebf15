package io.devopssim.chaos;

import io.devopssim.core.metrics.MetricsProvider;
import io.devopssim.core.metrics.prometheus.PromQlTemplates;
import io.devopssim.core.metrics.prometheus.PrometheusMetricsProvider;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where metric probes read from when the faults run on a real system: Prometheus' (or Thanos Query's) HTTP API,
 * with the PromQL label matchers of the canary and of the baseline (braces included).
 *
 * @param url              Prometheus' root, ending in {@code /}
 * @param canarySelector   e.g. <code>{app="checkout",track="canary"}</code>; null when no probe reads the canary
 * @param baselineSelector null when no probe reads the baseline
 * @param rateWindow       over which rates (errors, requests, latency histograms) are computed
 */
public record PrometheusSource(URI url, String canarySelector, String baselineSelector, Duration rateWindow) {
    public static final Duration DEFAULT_RATE_WINDOW = Duration.ofMinutes(1);

    public PrometheusSource {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(rateWindow, "rateWindow");
    }

    /** The metrics of {@link io.devopssim.core.metrics.StandardMetrics} over the devsim PromQL templates. */
    public MetricsProvider provider(Duration timeout) {
        if (canarySelector == null && baselineSelector == null) {
            throw new IllegalStateException("no selector for the canary or the baseline");
        }
        // the provider always asks for both versions; a missing selector means no probe reads that version
        // (checked before anything starts), so the other's series stands in for it and is never used
        return new PrometheusMetricsProvider(url, PromQlTemplates.devsim(rateWindow),
                canarySelector != null ? canarySelector : baselineSelector,
                baselineSelector != null ? baselineSelector : canarySelector, timeout);
    }

    /** Why a text is no PromQL label matcher set ({@code {a="b",...}}); empty when it is one. */
    public static Optional<String> selectorProblem(String text) {
        String s = text.strip();
        if (!s.startsWith("{") || !s.endsWith("}")) {
            return Optional.of("\"" + text + "\" is not PromQL label matchers in braces, e.g. {app=\"checkout\",track=\"canary\"}");
        }
        if (s.substring(1, s.length() - 1).isBlank()) {
            return Optional.of("{} selects every series: name the version's labels, e.g. {app=\"checkout\",track=\"canary\"}");
        }
        return Optional.empty();
    }

    /** An http(s) URL with a host, ending in {@code /} so that API paths resolve under it. */
    public static Optional<URI> url(String text) {
        try {
            URI uri = new URI(text.strip().endsWith("/") ? text.strip() : text.strip() + "/");
            if (uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                return Optional.of(uri);
            }
        } catch (URISyntaxException e) {
            // not a URL: reported by the caller
        }
        return Optional.empty();
    }

    /**
     * Kubernetes labels as PromQL matchers, e.g. {@code app=checkout,track=canary} as
     * <code>{app="checkout",track="canary"}</code>. A key's characters that PromQL label names cannot hold become
     * {@code _}, as Prometheus' Kubernetes discovery with {@code labelmap} writes them
     * ({@code app.kubernetes.io/name} is {@code app_kubernetes_io_name}).
     */
    public static String selectorFor(java.util.Map<String, String> labels) {
        StringBuilder b = new StringBuilder("{");
        labels.forEach((k, v) -> {
            if (b.length() > 1) {
                b.append(',');
            }
            String name = k.replaceAll("[^A-Za-z0-9_]", "_");
            b.append(Character.isDigit(name.charAt(0)) ? "_" + name : name).append("=\"")
                    .append(v.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        });
        return b.append('}').toString();
    }
}
