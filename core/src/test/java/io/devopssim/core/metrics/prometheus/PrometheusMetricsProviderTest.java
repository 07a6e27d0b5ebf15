package io.devopssim.core.metrics.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.devopssim.core.metrics.CanaryBaseline;
import io.devopssim.core.metrics.MetricQuery;
import io.devopssim.core.metrics.MetricsUnavailableException;
import io.devopssim.core.metrics.Sample;
import io.devopssim.core.metrics.StandardMetrics;
import io.devopssim.core.sim.FleetSimulator;
import io.devopssim.core.sim.MetricsHttpServer;
import io.devopssim.core.spec.RegressionSpec;
import io.devopssim.core.spec.SimulationSpec;
import io.devopssim.core.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Against a real Prometheus (Debian's {@code prometheus} package; {@code run-tests} installs it) that
 * scrapes the simulator's /metrics every second on 127.0.0.1. The canary fails a fifth of its requests.
 */
@DisplayName("PrometheusMetricsProvider against a real Prometheus scraping the simulator")
class PrometheusMetricsProviderTest {
    private static final Duration READY_WITHIN = Duration.ofSeconds(60);
    private static final String CANARY = "{app=\"shop\",track=\"canary\"}";
    private static final String BASELINE = "{app=\"shop\",track=\"baseline\"}";

    @TempDir
    static Path dir;

    private static MetricsHttpServer metrics;
    private static Process prometheus;
    private static URI prometheusUri;
    private static PrometheusMetricsProvider provider;

    @BeforeAll
    static void startPrometheus() throws Exception {
        String binary = findOnPath("prometheus");
        if (binary == null) {
            fail("the prometheus binary is not on the PATH: install Debian's package (apt-get install -y prometheus);"
                    + " ./run-tests installs it when run as root");
        }
        FleetSimulator fleet = new FleetSimulator(new SimulationSpec(11, 10, 400, new RegressionSpec(0.2, 1, 1)), Clock.system());
        fleet.setCanaryWeight(50);
        metrics = MetricsHttpServer.start(fleet, "shop", 0);
        int port = freePort();
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                scrape_configs:
                  - job_name: devsim
                    static_configs:
                      - targets: ['127.0.0.1:%d']
                """.formatted(metrics.port()));
        prometheus = new ProcessBuilder(binary, "--config.file=" + config, "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("prometheus.log").toFile())
                .start();
        prometheusUri = URI.create("http://127.0.0.1:" + port + "/");
        provider = new PrometheusMetricsProvider(prometheusUri, PromQlTemplates.devsim(Duration.ofSeconds(5)), CANARY,
                BASELINE, Duration.ofSeconds(5));
        awaitData();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (prometheus != null) {
            prometheus.destroy();
            if (!prometheus.waitFor(10, TimeUnit.SECONDS)) {
                prometheus.destroyForcibly();
            }
        }
        if (metrics != null) {
            metrics.close();
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
        PrometheusMetricsProvider nowhere = new PrometheusMetricsProvider(URI.create("http://127.0.0.1:" + freePort() + "/"),
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

    /** Until both versions have an error-rate point (which needs two scrapes inside the rate window). */
    private static void awaitData() throws Exception {
        Instant deadline = Instant.now().plus(READY_WITHIN);
        HttpClient http = HttpClient.newHttpClient();
        while (Instant.now().isBefore(deadline)) {
            if (!prometheus.isAlive()) {
                fail("prometheus exited with " + prometheus.exitValue() + ": " + Files.readString(dir.resolve("prometheus.log")));
            }
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(prometheusUri.resolve("-/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    Instant end = Instant.now();
                    CanaryBaseline errors = provider.fetch(new MetricQuery(StandardMetrics.ERROR_RATE, end.minusSeconds(10), end, Duration.ofSeconds(1)));
                    if (errors.canary().size() >= 5 && errors.baseline().size() >= 5) {
                        return;
                    }
                }
            } catch (IOException | MetricsUnavailableException notYet) {
                // Prometheus is still starting
            }
            Thread.sleep(500);
        }
        fail("no data from Prometheus within " + READY_WITHIN + "; its log: " + Files.readString(dir.resolve("prometheus.log")));
    }

    private static double mean(List<Sample> samples) {
        return samples.stream().mapToDouble(Sample::value).filter(Double::isFinite).average().orElse(Double.NaN);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String findOnPath(String name) {
        for (String entry : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File candidate = new File(entry, name);
            if (candidate.canExecute()) {
                return candidate.getPath();
            }
        }
        return null;
    }
}
