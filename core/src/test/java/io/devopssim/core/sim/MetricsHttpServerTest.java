package io.devopssim.core.sim;

import io.devopssim.core.spec.RegressionSpec;
import io.devopssim.core.spec.SimulationSpec;
import io.devopssim.core.time.SimulatedClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MetricsHttpServerTest {
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private static final Map<String, String> STABLE = Map.of("app", "checkout", "version", "stable", "track", "baseline");
    private static final Map<String, String> CANARY = Map.of("app", "checkout", "version", "canary", "track", "canary");

    private final SimulatedClock clock = new SimulatedClock(T0);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private FleetSimulator sim;
    private MetricsHttpServer server;

    @BeforeEach
    void start() throws IOException {
        sim = new FleetSimulator(new SimulationSpec(7, 10, 200, new RegressionSpec(0.05, 1.5, 1)), clock);
        server = MetricsHttpServer.start(sim, "checkout", 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private Map<String, ExpositionParser.Family> scrape() throws IOException, InterruptedException {
        HttpResponse<String> response = get(server.metricsUri());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        return ExpositionParser.parse(response.body());
    }

    @Test
    void servesEveryFamilyInTheStrictExpositionFormatOnLoopback() throws Exception {
        clock.advance(Duration.ofMinutes(1));

        Map<String, ExpositionParser.Family> families = scrape();

        assertThat(server.metricsUri().getHost()).isEqualTo("127.0.0.1");
        assertThat(families).containsOnlyKeys("devsim_requests_total", "devsim_request_errors_total",
                "devsim_request_duration_seconds", "devsim_cpu_cores", "devsim_memory_bytes", "devsim_pods",
                "devsim_canary_weight");
        assertThat(families.get("devsim_requests_total").type()).isEqualTo("counter");
        assertThat(families.get("devsim_request_errors_total").type()).isEqualTo("counter");
        assertThat(families.get("devsim_request_duration_seconds").type()).isEqualTo("histogram");
        assertThat(families.get("devsim_cpu_cores").type()).isEqualTo("gauge");
        assertThat(families.get("devsim_canary_weight").value("devsim_canary_weight", Map.of("app", "checkout"))).isZero();
        assertThat(families.get("devsim_pods").value("devsim_pods", STABLE)).isEqualTo(10);
        assertThat(families.get("devsim_pods").value("devsim_pods", CANARY)).isZero();
        // no canary pod, so no canary CPU or memory series (a zero would drag averages down)
        assertThat(families.get("devsim_cpu_cores").series()).extracting(ExpositionParser.Series::labels)
                .containsExactly(STABLE);
        assertThat(families.get("devsim_memory_bytes").value("devsim_memory_bytes", STABLE))
                .isCloseTo(256 * 1_048_576.0, within(16 * 1_048_576.0));
    }

    @Test
    void countersAndHistogramGrowAsTheClockAdvances() throws Exception {
        clock.advance(Duration.ofMinutes(1));
        Map<String, ExpositionParser.Family> first = scrape();
        sim.setCanaryWeight(25);
        clock.advance(Duration.ofMinutes(1));
        Map<String, ExpositionParser.Family> second = scrape();

        double stableBefore = first.get("devsim_requests_total").value("devsim_requests_total", STABLE);
        double stableAfter = second.get("devsim_requests_total").value("devsim_requests_total", STABLE);
        // 200 req/s at 10:00 UTC is ~1.17 x 200 with the daily swing: ~14,000 a minute
        assertThat(stableBefore).isCloseTo(14_000, within(700.0));
        assertThat(stableAfter - stableBefore).isCloseTo(0.75 * 14_000, within(700.0));

        assertThat(first.get("devsim_requests_total").value("devsim_requests_total", CANARY)).isZero();
        double canaryRequests = second.get("devsim_requests_total").value("devsim_requests_total", CANARY);
        double canaryErrors = second.get("devsim_request_errors_total").value("devsim_request_errors_total", CANARY);
        double stableErrors = second.get("devsim_request_errors_total").value("devsim_request_errors_total", STABLE);
        assertThat(canaryRequests).isCloseTo(0.25 * 14_000, within(300.0));
        assertThat(canaryErrors / canaryRequests).isCloseTo(0.055, within(0.01));
        assertThat(stableErrors / stableAfter).isCloseTo(0.005, within(0.002));

        ExpositionParser.Family latency = second.get("devsim_request_duration_seconds");
        double stableCount = latency.value("devsim_request_duration_seconds_count", STABLE);
        double stableSum = latency.value("devsim_request_duration_seconds_sum", STABLE);
        double canaryCount = latency.value("devsim_request_duration_seconds_count", CANARY);
        double canarySum = latency.value("devsim_request_duration_seconds_sum", CANARY);
        assertThat(stableCount).isEqualTo(stableAfter);
        // mean of the log-normal: 40 ms x exp(0.5^2 / 2); the canary is 1.5 times slower
        assertThat(stableSum / stableCount).isCloseTo(0.040 * Math.exp(0.125), within(0.002));
        assertThat((canarySum / canaryCount) / (stableSum / stableCount)).isCloseTo(1.5, within(0.05));
        Map<String, String> stableWithin100ms = new java.util.HashMap<>(STABLE);
        stableWithin100ms.put("le", "0.1");
        assertThat(latency.value("devsim_request_duration_seconds_bucket", stableWithin100ms) / stableCount)
                .isCloseTo(new LogNormal(Math.log(40), 0.5).cdf(100), within(0.01));
    }

    @Test
    void countersDoNotDependOnHowOftenTheyAreScraped() throws Exception {
        SimulatedClock otherClock = new SimulatedClock(T0);
        FleetSimulator other = new FleetSimulator(sim.spec(), otherClock);
        for (int i = 0; i < 30; i++) {
            clock.advance(Duration.ofSeconds(10));
            scrape();
        }
        otherClock.advance(Duration.ofMinutes(5));

        assertThat(other.snapshot().versions().get(Version.STABLE).totals())
                .isEqualTo(sim.snapshot().versions().get(Version.STABLE).totals());
    }

    @Test
    void escapesTheAppLabel() throws Exception {
        String odd = "we\"ird\\app\nname";
        try (MetricsHttpServer oddServer = MetricsHttpServer.start(sim, odd, 0)) {
            String body = get(oddServer.metricsUri()).body();

            Map<String, ExpositionParser.Family> families = ExpositionParser.parse(body);
            assertThat(families.get("devsim_canary_weight").value("devsim_canary_weight", Map.of("app", odd))).isZero();
        }
    }

    @Test
    void answersOtherPathsWith404AndOtherMethodsWith405() throws Exception {
        URI base = server.metricsUri();

        assertThat(get(base.resolve("/")).statusCode()).isEqualTo(404);
        assertThat(get(base.resolve("/metricsx")).statusCode()).isEqualTo(404);
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(base)
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
    }

    @Test
    void closingReleasesThePort() throws Exception {
        int port = server.port();
        server.close();

        try (MetricsHttpServer again = MetricsHttpServer.start(sim, "checkout", port)) {
            assertThat(again.port()).isEqualTo(port);
            assertThat(List.of(get(again.metricsUri()).statusCode())).containsExactly(200);
        }
    }
}
