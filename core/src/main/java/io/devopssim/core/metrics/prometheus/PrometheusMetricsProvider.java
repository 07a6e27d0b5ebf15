package io.devopssim.core.metrics.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.devopssim.core.metrics.CanaryBaseline;
import io.devopssim.core.metrics.MetricQuery;
import io.devopssim.core.metrics.MetricsProvider;
import io.devopssim.core.metrics.MetricsUnavailableException;
import io.devopssim.core.metrics.Sample;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Baseline and canary series from Prometheus' HTTP API ({@code /api/v1/query_range}), which Thanos
 * Query serves too. One query per version, from the metric's template with that version's selector.
 * An empty result is an empty series (the judge makes it NO_DATA); an error, a timeout or an ambiguous
 * result (several series) is {@link MetricsUnavailableException}, never zeros.
 */
public final class PrometheusMetricsProvider implements MetricsProvider {
    private final URI base;
    private final PromQlTemplates templates;
    private final String canarySelector;
    private final String baselineSelector;
    private final Duration timeout;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param base             Prometheus' root, e.g. {@code http://127.0.0.1:9090/}
     * @param canarySelector   label matchers of the canary, braces included
     * @param baselineSelector label matchers of the baseline, braces included
     * @param timeout          per request; a slower answer is unavailable data
     */
    public PrometheusMetricsProvider(URI base, PromQlTemplates templates, String canarySelector,
                                     String baselineSelector, Duration timeout) {
        this.base = Objects.requireNonNull(base, "base");
        this.templates = Objects.requireNonNull(templates, "templates");
        this.canarySelector = Objects.requireNonNull(canarySelector, "canarySelector");
        this.baselineSelector = Objects.requireNonNull(baselineSelector, "baselineSelector");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public CanaryBaseline fetch(MetricQuery query) throws MetricsUnavailableException {
        if (!templates.knows(query.metric())) {
            throw new MetricsUnavailableException("no PromQL template for \"" + query.metric() + "\"");
        }
        if (query.points() > MetricQuery.MAX_POINTS) {
            throw new MetricsUnavailableException("the window holds " + query.points() + " points; Prometheus serves at most "
                    + MetricQuery.MAX_POINTS + " per series");
        }
        List<Sample> baseline = range(templates.render(query.metric(), baselineSelector), query);
        List<Sample> canary = range(templates.render(query.metric(), canarySelector), query);
        return new CanaryBaseline(query.metric(), baseline, canary);
    }

    private List<Sample> range(String promql, MetricQuery query) throws MetricsUnavailableException {
        // query_range includes its end; MetricQuery's window excludes it
        Instant lastIncluded = query.end().minusMillis(1);
        String form = "query=" + encode(promql) + "&start=" + seconds(query.start()) + "&end=" + seconds(lastIncluded)
                + "&step=" + seconds(query.step());
        HttpRequest request = HttpRequest.newBuilder(base.resolve("api/v1/query_range"))
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new MetricsUnavailableException("Prometheus at " + base + " did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MetricsUnavailableException("interrupted while asking Prometheus", e);
        }
        return parse(promql, response.statusCode(), response.body());
    }

    List<Sample> parse(String promql, int status, String body) throws MetricsUnavailableException {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (IOException e) {
            throw new MetricsUnavailableException("Prometheus answered " + status + " with no JSON for " + promql, e);
        }
        if (!"success".equals(root.path("status").asText())) {
            throw new MetricsUnavailableException("Prometheus refused " + promql + ": " + root.path("errorType").asText()
                    + ": " + root.path("error").asText() + " (HTTP " + status + ")");
        }
        JsonNode result = root.path("data").path("result");
        if (result.isEmpty()) {
            return List.of();
        }
        if (result.size() > 1) {
            throw new MetricsUnavailableException(promql + " returns " + result.size()
                    + " series; aggregate it to one (sum, avg, ...)");
        }
        List<Sample> samples = new ArrayList<>();
        for (JsonNode point : result.get(0).path("values")) {
            BigDecimal seconds = new BigDecimal(point.get(0).asText());
            Instant time = Instant.ofEpochMilli(seconds.movePointRight(3).longValue());
            samples.add(new Sample(time, value(point.get(1).asText())));
        }
        return samples;
    }

    /** Prometheus writes values as Go does: "NaN", "+Inf", "-Inf" or a decimal. */
    static double value(String text) {
        return switch (text) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }

    private static String seconds(Instant t) {
        return BigDecimal.valueOf(t.toEpochMilli()).movePointLeft(3).toPlainString();
    }

    private static String seconds(Duration d) {
        return BigDecimal.valueOf(d.toMillis()).movePointLeft(3).toPlainString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
