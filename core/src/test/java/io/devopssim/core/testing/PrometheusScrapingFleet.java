package io.devopssim.core.testing;

import static org.assertj.core.api.Assertions.fail;

import io.devopssim.core.metrics.CanaryBaseline;
import io.devopssim.core.metrics.MetricQuery;
import io.devopssim.core.metrics.MetricsUnavailableException;
import io.devopssim.core.metrics.StandardMetrics;
import io.devopssim.core.metrics.prometheus.PromQlTemplates;
import io.devopssim.core.metrics.prometheus.PrometheusMetricsProvider;
import io.devopssim.core.sim.FleetSimulator;
import io.devopssim.core.sim.MetricsHttpServer;
import io.devopssim.core.spec.RegressionSpec;
import io.devopssim.core.spec.SimulationSpec;
import io.devopssim.core.time.Clock;

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
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus (Debian's {@code prometheus} on the PATH) on 127.0.0.1 scraping the simulator's /metrics every
 * second: app {@code shop}, a canary that fails a fifth of its requests, a healthy baseline. Shared by core's
 * PrometheusMetricsProviderTest and the chaos step's metric-probe tests. Bounded: it waits at most {@link #READY_WITHIN}.
 */
public final class PrometheusScrapingFleet implements AutoCloseable {
    public static final String CANARY = "{app=\"shop\",track=\"canary\"}";
    public static final String BASELINE = "{app=\"shop\",track=\"baseline\"}";
    /** The rate window the tests' PromQL uses: five scrapes. */
    public static final Duration RATE_WINDOW = Duration.ofSeconds(5);
    private static final Duration READY_WITHIN = Duration.ofSeconds(60);

    private final Path dir;
    private final MetricsHttpServer metrics;
    private final Process prometheus;
    private final URI uri;

    private PrometheusScrapingFleet(Path dir, MetricsHttpServer metrics, Process prometheus, URI uri) {
        this.dir = dir;
        this.metrics = metrics;
        this.prometheus = prometheus;
        this.uri = uri;
    }

    /** Starts it and returns once {@code history} of error-rate points is queryable for both versions. */
    public static PrometheusScrapingFleet start(Path dir, Duration history) throws Exception {
        String binary = findOnPath("prometheus");
        if (binary == null) {
            fail("the prometheus binary is not on the PATH: install Debian's package (apt-get install -y prometheus);"
                    + " ./run-tests installs it when run as root");
        }
        FleetSimulator fleet = new FleetSimulator(new SimulationSpec(11, 10, 400, new RegressionSpec(0.2, 1, 1)), Clock.system());
        fleet.setCanaryWeight(50);
        MetricsHttpServer metrics = MetricsHttpServer.start(fleet, "shop", 0);
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
        Process process = new ProcessBuilder(binary, "--config.file=" + config, "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("prometheus.log").toFile())
                .start();
        PrometheusScrapingFleet p = new PrometheusScrapingFleet(dir, metrics, process, URI.create("http://127.0.0.1:" + port + "/"));
        try {
            p.awaitHistory(history);
        } catch (Exception | AssertionError e) {
            p.close();
            throw e;
        }
        return p;
    }

    public URI uri() {
        return uri;
    }

    private void awaitHistory(Duration history) throws Exception {
        Instant deadline = Instant.now().plus(READY_WITHIN);
        HttpClient http = HttpClient.newHttpClient();
        PrometheusMetricsProvider provider = new PrometheusMetricsProvider(uri, PromQlTemplates.devsim(RATE_WINDOW), CANARY,
                BASELINE, Duration.ofSeconds(5));
        long wanted = history.toSeconds();
        while (Instant.now().isBefore(deadline)) {
            if (!prometheus.isAlive()) {
                fail("prometheus exited with " + prometheus.exitValue() + ": " + Files.readString(dir.resolve("prometheus.log")));
            }
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(uri.resolve("-/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    Instant end = Instant.now();
                    CanaryBaseline errors = provider.fetch(new MetricQuery(StandardMetrics.ERROR_RATE, end.minus(history), end,
                            Duration.ofSeconds(1)));
                    if (errors.canary().size() >= wanted && errors.baseline().size() >= wanted) {
                        return;
                    }
                }
            } catch (IOException | MetricsUnavailableException notYet) {
                // Prometheus is still starting
            }
            Thread.sleep(500);
        }
        fail("not " + history + " of data from Prometheus within " + READY_WITHIN + "; its log: "
                + Files.readString(dir.resolve("prometheus.log")));
    }

    @Override
    public void close() throws InterruptedException {
        prometheus.destroy();
        if (!prometheus.waitFor(10, TimeUnit.SECONDS)) {
            prometheus.destroyForcibly();
        }
        metrics.close();
    }

    /** A port nothing listens on now (for a Prometheus that is not there). */
    public static int freePort() throws IOException {
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
