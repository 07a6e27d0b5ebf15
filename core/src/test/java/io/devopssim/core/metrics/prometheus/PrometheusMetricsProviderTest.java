package io.devopssim.core.metrics.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devopssim.core.metrics.CanaryBaseline;
import io.devopssim.core.metrics.MetricQuery;
import io.devopssim.core.metrics.MetricsUnavailableException;
import io.devopssim.core.metrics.Sample;
import io.devopssim.core.metrics.StandardMetrics;
import io.devopssim.core.testing.PrometheusScrapingFleet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Against a real Prometheus (Debian's {@code prometheus} package; {@code run-tests} installs it) that
 * scrapes the simulator's /metrics every second on 127.0.0.1. The canary fails a fifth of its requests.
 */
@DisplayName("PrometheusMetricsProvider against a real Prometheus scraping the simulator")
class PrometheusMetricsProviderTest {
    private static final String CANARY = PrometheusScrapingFleet.CANARY;
    private static final String BASELINE = PrometheusScrapingFleet.BASELINE;

    @TempDir
    static Path dir;

    private static PrometheusScrapingFleet prometheus;
    private static URI prometheusUri;
    private static PrometheusMetricsProvider provider;

    /** Until both versions have five seconds of error-rate points (two scrapes inside the rate window each). */
    @BeforeAll
    static void startPrometheus() throws Exception {
        prometheus = PrometheusScrapingFleet.start(dir, Duration.ofSeconds(5));
        prometheusUri = prometheus.uri();
        provider = new PrometheusMetricsProvider(prometheusUri, PromQlTemplates.devsim(Duration.ofSeconds(5)), CANARY,
                BASELINE, Duration.ofSeconds(5));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (prometheus != null) {
            prometheus.close();
        }
    }

    @Test
    void shouldFetchCanaryAndBaselineSeriesOverARange() throws Exception {
        Instant end = Instant.now();
        CanaryBaseline errors = provider.fetch(new MetricQuery(StandardMetrics.ERROR_RATE, end.minusSeconds(10), end, Duration.ofSeconds(1)));

        assertThat(errors.canary()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(errors.baseline()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(errors.canary()).allMatch(s -> !s.time().isBefore(end.minusSeconds(10)) && s.time().isBefore(end));
        assertThat(mean(errors.canary())).isGreaterThan(0.1);
        assertThat(mean(errors.baseline())).isLessThan(0.05);
    }

    @Test
    void shouldReadLatencyPercentilesFromTheHistogram() throws Exception {
        Instant end = Instant.now();
        CanaryBaseline p99 = provider.fetch(new MetricQuery(StandardMetrics.LATENCY_P99_MS, end.minusSeconds(10), end, Duration.ofSeconds(1)));

        assertThat(p99.baseline()).isNotEmpty();
        assertThat(mean(p99.baseline())).isBetween(20.0, 1000.0);
    }

    @Test
    void shouldReportAQueryPrometheusRefuses() {
        PrometheusMetricsProvider broken = new PrometheusMetricsProvider(prometheusUri,
                new PromQlTemplates(Map.of("broken", "sum(rate(devsim_requests_total{{selector}}))")), CANARY, BASELINE,
                Duration.ofSeconds(5));
        Instant end = Instant.now();

        assertThatThrownBy(() -> broken.fetch(new MetricQuery("broken", end.minusSeconds(10), end, Duration.ofSeconds(1))))
                .isInstanceOf(MetricsUnavailableException.class).hasMessageContaining("Prometheus refused")
                .hasMessageContaining("bad_data");
    }

    @Test
    void shouldRefuseAQueryThatReturnsSeveralSeries() {
        PrometheusMetricsProvider perVersion = new PrometheusMetricsProvider(prometheusUri,
                new PromQlTemplates(Map.of("cpu", "devsim_cpu_cores{{selector}}")), "{app=\"shop\"}", "{app=\"shop\"}",
                Duration.ofSeconds(5));
        Instant end = Instant.now();

        assertThatThrownBy(() -> perVersion.fetch(new MetricQuery("cpu", end.minusSeconds(10), end, Duration.ofSeconds(1))))
                .isInstanceOf(MetricsUnavailableException.class).hasMessageContaining("returns 2 series");
    }

    @Test
    void shouldGiveAnEmptySeriesWhenNothingMatches() throws Exception {
        PrometheusMetricsProvider other = new PrometheusMetricsProvider(prometheusUri, PromQlTemplates.devsim(Duration.ofSeconds(5)),
                "{app=\"nothing\"}", "{app=\"nothing\"}", Duration.ofSeconds(5));
        Instant end = Instant.now();

        CanaryBaseline none = other.fetch(new MetricQuery(StandardMetrics.CPU_CORES, end.minusSeconds(10), end, Duration.ofSeconds(1)));

        assertThat(none.canary()).isEmpty();
        assertThat(none.baseline()).isEmpty();
    }

    @Test
    void shouldSayWhenPrometheusIsNotThere() throws IOException {
        PrometheusMetricsProvider nowhere = new PrometheusMetricsProvider(URI.create("http://127.0.0.1:" + PrometheusScrapingFleet.freePort() + "/"),
                PromQlTemplates.devsim(Duration.ofSeconds(5)), CANARY, BASELINE, Duration.ofSeconds(2));
        Instant end = Instant.now();

        assertThatThrownBy(() -> nowhere.fetch(new MetricQuery(StandardMetrics.CPU_CORES, end.minusSeconds(10), end, Duration.ofSeconds(1))))
                .isInstanceOf(MetricsUnavailableException.class).hasMessageContaining("did not answer");
    }

    @Test
    void shouldParseGoSpecialValues() {
        assertThat(PrometheusMetricsProvider.value("+Inf")).isInfinite();
        assertThat(PrometheusMetricsProvider.value("NaN")).isNaN();
        assertThat(PrometheusMetricsProvider.value("0.25")).isEqualTo(0.25);
    }

    private static double mean(List<Sample> samples) {
        return samples.stream().mapToDouble(Sample::value).filter(Double::isFinite).average().orElse(Double.NaN);
    }
}
