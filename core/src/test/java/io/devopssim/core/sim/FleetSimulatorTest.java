package io.devopssim.core.sim;

import io.devopssim.core.metrics.CanaryBaseline;
import io.devopssim.core.metrics.MetricQuery;
import io.devopssim.core.metrics.MetricsUnavailableException;
import io.devopssim.core.metrics.Sample;
import io.devopssim.core.metrics.StandardMetrics;
import io.devopssim.core.spec.RegressionSpec;
import io.devopssim.core.spec.SimulationSpec;
import io.devopssim.core.time.SimulatedClock;
import io.devopssim.core.traffic.TrafficRoutingException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class FleetSimulatorTest {
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private static final Duration STEP = Duration.ofSeconds(10);

    private final SimulatedClock clock = new SimulatedClock(T0);

    /** Runs the same script on any simulator: stable for 2m, canary at 10% for 5m, 50% for 5m. */
    private FleetSimulator scripted(SimulationSpec spec, SimulatedClock scriptClock) throws TrafficRoutingException {
        FleetSimulator sim = new FleetSimulator(spec, scriptClock);
        scriptClock.advance(Duration.ofMinutes(2));
        sim.setCanaryWeight(10);
        scriptClock.advance(Duration.ofMinutes(5));
        sim.setCanaryWeight(50);
        scriptClock.advance(Duration.ofMinutes(5));
        return sim;
    }

    private static SimulationSpec spec(long seed, RegressionSpec regression) {
        return new SimulationSpec(seed, 10, 200, regression);
    }

    private static CanaryBaseline fetch(FleetSimulator sim, String metric, Instant start, Instant end)
            throws MetricsUnavailableException {
        return sim.fetch(new MetricQuery(metric, start, end, STEP));
    }

    private static double mean(List<Sample> series) {
        return series.stream().mapToDouble(Sample::value).average().orElseThrow();
    }

    private static List<Sample> between(List<Sample> series, Instant from, Instant to) {
        return series.stream().filter(s -> !s.time().isBefore(from) && s.time().isBefore(to)).toList();
    }

    @Test
    void sameSeedAndScriptGiveIdenticalSeriesForEveryMetric() throws Exception {
        FleetSimulator a = scripted(spec(7, RegressionSpec.NONE), new SimulatedClock(T0));
        FleetSimulator b = scripted(spec(7, RegressionSpec.NONE), new SimulatedClock(T0));

        for (String metric : StandardMetrics.ALL) {
            CanaryBaseline fromA = fetch(a, metric, T0, T0.plus(Duration.ofMinutes(12)));
            CanaryBaseline fromB = fetch(b, metric, T0, T0.plus(Duration.ofMinutes(12)));
            assertThat(fromA).as(metric).isEqualTo(fromB);
            assertThat(fromA.baseline()).as(metric).hasSize(72);
            assertThat(fromA.canary()).as(metric).hasSize(60);
        }
    }

    @Test
    void differentSeedsGiveDifferentSeries() throws Exception {
        FleetSimulator a = scripted(spec(7, RegressionSpec.NONE), new SimulatedClock(T0));
        FleetSimulator b = scripted(spec(8, RegressionSpec.NONE), new SimulatedClock(T0));

        for (String metric : StandardMetrics.ALL) {
            List<Sample> fromA = fetch(a, metric, T0, T0.plus(Duration.ofMinutes(12))).baseline();
            List<Sample> fromB = fetch(b, metric, T0, T0.plus(Duration.ofMinutes(12))).baseline();
            assertThat(fromA).as(metric).isNotEqualTo(fromB);
        }
    }

    @Test
    void repeatedOverlappingAndReorderedQueriesAgreeOnEverySharedInstant() throws Exception {
        FleetSimulator sim = scripted(spec(7, RegressionSpec.NONE), clock);
        Instant end = T0.plus(Duration.ofMinutes(12));

        CanaryBaseline whole = fetch(sim, StandardMetrics.LATENCY_P99_MS, T0, end);
        CanaryBaseline tail = fetch(sim, StandardMetrics.LATENCY_P99_MS, T0.plus(Duration.ofMinutes(6)), end);
        CanaryBaseline again = fetch(sim, StandardMetrics.LATENCY_P99_MS, T0, end);

        assertThat(again).isEqualTo(whole);
        assertThat(tail.canary()).isEqualTo(between(whole.canary(), T0.plus(Duration.ofMinutes(6)), end));
        assertThat(tail.baseline()).isEqualTo(between(whole.baseline(), T0.plus(Duration.ofMinutes(6)), end));
    }

    @Test
    void regressionChangesTheCanaryOnlyAndByExactlyItsFactors() throws Exception {
        RegressionSpec regression = new RegressionSpec(0.05, 2.0, 1.5);
        FleetSimulator healthy = scripted(spec(7, RegressionSpec.NONE), new SimulatedClock(T0));
        FleetSimulator faulty = scripted(spec(7, regression), new SimulatedClock(T0));
        Instant end = T0.plus(Duration.ofMinutes(12));

        for (String metric : StandardMetrics.ALL) {
            assertThat(fetch(faulty, metric, T0, end).baseline()).as(metric)
                    .isEqualTo(fetch(healthy, metric, T0, end).baseline());
        }
        assertRatio(fetch(faulty, StandardMetrics.LATENCY_P99_MS, T0, end).canary(),
                fetch(healthy, StandardMetrics.LATENCY_P99_MS, T0, end).canary(), 2.0);
        assertRatio(fetch(faulty, StandardMetrics.LATENCY_P50_MS, T0, end).canary(),
                fetch(healthy, StandardMetrics.LATENCY_P50_MS, T0, end).canary(), 2.0);
        assertRatio(fetch(faulty, StandardMetrics.CPU_CORES, T0, end).canary(),
                fetch(healthy, StandardMetrics.CPU_CORES, T0, end).canary(), 1.5);

        CanaryBaseline errors = fetch(faulty, StandardMetrics.ERROR_RATE, T0, end);
        assertThat(mean(errors.baseline())).isCloseTo(0.005, within(0.002));
        assertThat(mean(errors.canary())).isCloseTo(0.055, within(0.01));
    }

    private static void assertRatio(List<Sample> numerator, List<Sample> denominator, double ratio) {
        assertThat(numerator).hasSameSizeAs(denominator).isNotEmpty();
        for (int i = 0; i < numerator.size(); i++) {
            assertThat(numerator.get(i).value() / denominator.get(i).value()).isCloseTo(ratio, within(1e-9));
        }
    }

    @Test
    void canaryHasNoDataWhileItsWeightIsZero() throws Exception {
        FleetSimulator sim = new FleetSimulator(spec(7, RegressionSpec.NONE), clock);
        clock.advance(Duration.ofMinutes(2));
        sim.setCanaryWeight(20);
        clock.advance(Duration.ofMinutes(2));
        sim.setCanaryWeight(0);
        clock.advance(Duration.ofMinutes(2));

        for (String metric : StandardMetrics.ALL) {
            CanaryBaseline series = fetch(sim, metric, T0, T0.plus(Duration.ofMinutes(6)));
            assertThat(series.baseline()).as(metric).hasSize(36);
            assertThat(series.canary()).as(metric).hasSize(12)
                    .allSatisfy(s -> assertThat(s.time()).isBetween(T0.plus(Duration.ofMinutes(2)),
                            T0.plus(Duration.ofSeconds(230))));
        }
        assertThat(sim.currentSnapshot(Version.CANARY)).isEmpty();
        assertThat(sim.currentSnapshot(Version.STABLE)).containsOnlyKeys(StandardMetrics.ALL);
    }

    @Test
    void stableHasNoDataOnceTheCanaryTakesAllTraffic() throws Exception {
        FleetSimulator sim = new FleetSimulator(spec(7, RegressionSpec.NONE), clock);
        sim.setCanaryWeight(100);
        clock.advance(Duration.ofMinutes(1));

        CanaryBaseline series = fetch(sim, StandardMetrics.REQUEST_RATE, T0, T0.plus(Duration.ofMinutes(1)));

        assertThat(series.baseline()).isEmpty();
        assertThat(series.canary()).hasSize(6);
        assertThat(sim.snapshot().versions().get(Version.STABLE).pods()).isZero();
    }

    @Test
    void eachSampleUsesTheWeightInForceAtItsTime() throws Exception {
        FleetSimulator sim = scripted(spec(7, RegressionSpec.NONE), clock);
        CanaryBaseline before = fetch(sim, StandardMetrics.REQUEST_RATE, T0, T0.plus(Duration.ofMinutes(12)));

        Instant at10 = T0.plus(Duration.ofMinutes(2));
        Instant at50 = T0.plus(Duration.ofMinutes(7));
        Instant end = T0.plus(Duration.ofMinutes(12));
        double share10 = mean(between(before.canary(), at10, at50))
                / (mean(between(before.canary(), at10, at50)) + mean(between(before.baseline(), at10, at50)));
        double share50 = mean(between(before.canary(), at50, end))
                / (mean(between(before.canary(), at50, end)) + mean(between(before.baseline(), at50, end)));
        assertThat(share10).isCloseTo(0.10, within(0.01));
        assertThat(share50).isCloseTo(0.50, within(0.02));

        // later changes do not rewrite the past
        sim.setCanaryWeight(0);
        sim.setRegression(new RegressionSpec(0.5, 3, 3));
        clock.advance(Duration.ofMinutes(3));
        assertThat(fetch(sim, StandardMetrics.REQUEST_RATE, T0, end)).isEqualTo(before);
    }

    @Test
    void aRegressionSetAtRunTimeAppliesFromThenOn() throws Exception {
        FleetSimulator sim = new FleetSimulator(spec(7, RegressionSpec.NONE), clock);
        sim.setCanaryWeight(50);
        clock.advance(Duration.ofMinutes(5));
        Instant fault = clock.now();
        sim.setRegression(new RegressionSpec(0.2, 1, 1));
        clock.advance(Duration.ofMinutes(5));

        List<Sample> canary = fetch(sim, StandardMetrics.ERROR_RATE, T0, clock.now()).canary();

        assertThat(mean(between(canary, T0, fault))).isLessThan(0.02);
        assertThat(mean(between(canary, fault, clock.now()))).isCloseTo(0.205, within(0.02));
        assertThat(sim.regression()).isEqualTo(new RegressionSpec(0.2, 1, 1));
    }

    @Test
    void neverReturnsSamplesFromAfterNow() throws Exception {
        FleetSimulator sim = new FleetSimulator(spec(7, RegressionSpec.NONE), clock);
        sim.setCanaryWeight(10);
        clock.advance(Duration.ofMinutes(1));

        CanaryBaseline early = fetch(sim, StandardMetrics.ERROR_RATE, T0, T0.plus(Duration.ofMinutes(10)));
        assertThat(early.baseline()).hasSize(7);
        assertThat(early.baseline().get(6).time()).isEqualTo(clock.now());
        assertThat(early.canary()).hasSize(7);

        clock.advance(Duration.ofMinutes(1));
        CanaryBaseline later = fetch(sim, StandardMetrics.ERROR_RATE, T0, T0.plus(Duration.ofMinutes(10)));
        assertThat(later.baseline()).hasSize(13).startsWith(early.baseline().toArray(Sample[]::new));

        assertThat(fetch(sim, StandardMetrics.ERROR_RATE, clock.now().plusSeconds(1), clock.now().plusSeconds(60)).baseline())
                .isEmpty();
        assertThat(sim.sampleAt(Version.STABLE, clock.now().plusMillis(1))).isEmpty();
    }

    @Test
    void concurrentFetchesReturnWhatSequentialOnesDo() throws Exception {
        FleetSimulator sim = scripted(spec(7, new RegressionSpec(0.01, 1.2, 1.1)), clock);
        Instant end = T0.plus(Duration.ofMinutes(12));
        Map<String, CanaryBaseline> expected = new HashMap<>();
        for (String metric : StandardMetrics.ALL) {
            expected.put(metric, fetch(sim, metric, T0, end));
        }

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> tasks = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String metric = StandardMetrics.ALL.get(i % StandardMetrics.ALL.size());
                tasks.add(() -> fetch(sim, metric, T0, end).equals(expected.get(metric)));
            }
            // meanwhile the rollout goes on: the clock moves and the weight changes, after `end`
            tasks.add(() -> {
                for (int w = 1; w <= 100; w++) {
                    clock.advance(Duration.ofSeconds(1));
                    sim.setCanaryWeight(w);
                    sim.snapshot();
                }
                return true;
            });
            for (Future<Boolean> result : pool.invokeAll(tasks)) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(sim.canaryWeight()).isEqualTo(100);
    }

    @Test
    void rejectsWeightsOutsideZeroToHundredAndKeepsTheCurrentOne() throws Exception {
        FleetSimulator sim = new FleetSimulator(spec(7, RegressionSpec.NONE), clock);
        sim.setCanaryWeight(30);

        assertThatThrownBy(() -> sim.setCanaryWeight(101))
                .isInstanceOf(TrafficRoutingException.class)
                .hasMessage("canary weight must be in 0..100, was 101");
        assertThatThrownBy(() -> sim.setCanaryWeight(-1))
                .isInstanceOf(TrafficRoutingException.class)
                .hasMessage("canary weight must be in 0..100, was -1");
        assertThat(sim.canaryWeight()).isEqualTo(30);
    }

    @Test
    void settingTheCurrentWeightAgainRecordsNothing() throws Exception {
        FleetSimulator sim = new FleetSimulator(spec(7, RegressionSpec.NONE), clock);
        clock.advance(Duration.ofMinutes(1));
        sim.setCanaryWeight(30);
        clock.advance(Duration.ofMinutes(1));

        sim.setCanaryWeight(30);

        assertThat(sim.history()).extracting(FleetState::canaryWeight).containsExactly(0, 30);
    }

    @Test
    void rejectsInvalidRegressionsAndFleets() {
        FleetSimulator sim = new FleetSimulator(spec(7, RegressionSpec.NONE), clock);

        assertThatThrownBy(() -> sim.setRegression(new RegressionSpec(1.5, 1, 1))).hasMessageContaining("errorRateDelta");
        assertThatThrownBy(() -> sim.setRegression(new RegressionSpec(0, 0, 1))).hasMessageContaining("latencyFactor");
        assertThatThrownBy(() -> new FleetSimulator(new SimulationSpec(1, 0, 200, RegressionSpec.NONE), clock))
                .hasMessageContaining("pods");
        assertThatThrownBy(() -> new FleetSimulator(new SimulationSpec(1, 10, 0, RegressionSpec.NONE), clock))
                .hasMessageContaining("requestsPerSecond");
    }

    @Test
    void unknownMetricsAndOversizedWindowsAreUnavailable() {
        FleetSimulator sim = new FleetSimulator(spec(7, RegressionSpec.NONE), clock);

        assertThatThrownBy(() -> fetch(sim, "errors", T0, T0.plusSeconds(60)))
                .isInstanceOf(MetricsUnavailableException.class)
                .hasMessageContaining("\"errors\"")
                .hasMessageContaining("error_rate");
        assertThatThrownBy(() -> sim.fetch(new MetricQuery(StandardMetrics.ERROR_RATE, T0,
                T0.plus(Duration.ofDays(2)), Duration.ofSeconds(10))))
                .isInstanceOf(MetricsUnavailableException.class)
                .hasMessageContaining("17280 points");
    }

    @Test
    void canaryGetsTheCeilingOfItsShareOfPods() throws Exception {
        FleetSimulator sim = new FleetSimulator(new SimulationSpec(7, 10, 200, RegressionSpec.NONE), clock);
        Map<Integer, List<Integer>> pods = new HashMap<>();
        for (int weight : new int[] {0, 1, 15, 50, 99, 100}) {
            sim.setCanaryWeight(weight);
            FleetSnapshot snapshot = sim.snapshot();
            pods.put(weight, List.of(snapshot.versions().get(Version.STABLE).pods(),
                    snapshot.versions().get(Version.CANARY).pods()));
        }

        assertThat(pods).containsEntry(0, List.of(10, 0)).containsEntry(1, List.of(9, 1))
                .containsEntry(15, List.of(8, 2)).containsEntry(50, List.of(5, 5))
                .containsEntry(99, List.of(1, 10)).containsEntry(100, List.of(0, 10));
    }

    @Test
    void cpuPerPodFollowsThePerPodLoad() throws Exception {
        FleetSimulator quiet = new FleetSimulator(new SimulationSpec(7, 10, 200, RegressionSpec.NONE), clock);
        FleetSimulator busy = new FleetSimulator(new SimulationSpec(7, 10, 400, RegressionSpec.NONE), clock);
        clock.advance(Duration.ofMinutes(5));

        double quietCpu = mean(fetch(quiet, StandardMetrics.CPU_CORES, T0, clock.now()).baseline());
        double busyCpu = mean(fetch(busy, StandardMetrics.CPU_CORES, T0, clock.now()).baseline());

        // idle 0.05 + 0.01 per request/s per pod: 20 req/s per pod is ~0.28 cores at 10:00 UTC, 40 is ~0.52
        assertThat(busyCpu / quietCpu).isBetween(1.7, 2.0);
        assertThat(quietCpu).isBetween(0.2, 0.35);
    }

    @Test
    void memoryGrowsAsPodsWarmUpAndRestartsWithANewCanary() throws Exception {
        FleetSimulator sim = new FleetSimulator(spec(7, RegressionSpec.NONE), clock);
        clock.advance(Duration.ofHours(2));
        sim.setCanaryWeight(10);
        clock.advance(Duration.ofMinutes(1));

        double stableAtStart = mean(fetch(sim, StandardMetrics.MEMORY_MIB, T0, T0.plusSeconds(60)).baseline());
        CanaryBaseline late = fetch(sim, StandardMetrics.MEMORY_MIB, clock.now().minusSeconds(59), clock.now());

        assertThat(stableAtStart).isCloseTo(256, within(10.0));
        assertThat(mean(late.baseline())).isCloseTo(256 * 1.245, within(10.0));
        assertThat(mean(late.canary())).isCloseTo(256, within(10.0));
    }

    @Test
    void requestRateFollowsTheTimeOfDay() throws Exception {
        SimulatedClock night = new SimulatedClock(Instant.parse("2025-03-01T00:00:00Z"));
        SimulatedClock noon = new SimulatedClock(Instant.parse("2025-03-01T12:00:00Z"));
        FleetSimulator atNight = new FleetSimulator(spec(7, RegressionSpec.NONE), night);
        FleetSimulator atNoon = new FleetSimulator(spec(7, RegressionSpec.NONE), noon);
        night.advance(Duration.ofMinutes(5));
        noon.advance(Duration.ofMinutes(5));

        double nightRate = mean(atNight.fetch(new MetricQuery(StandardMetrics.REQUEST_RATE,
                night.now().minusSeconds(300), night.now(), STEP)).baseline());
        double noonRate = mean(atNoon.fetch(new MetricQuery(StandardMetrics.REQUEST_RATE,
                noon.now().minusSeconds(300), noon.now(), STEP)).baseline());

        assertThat(nightRate).isCloseTo(160, within(5.0));
        assertThat(noonRate).isCloseTo(240, within(5.0));
    }

    @Test
    void fewerRequestsMakeNoisierPercentiles() throws Exception {
        FleetSimulator sim = new FleetSimulator(spec(7, RegressionSpec.NONE), clock);
        sim.setCanaryWeight(2);
        clock.advance(Duration.ofMinutes(30));

        CanaryBaseline p99 = fetch(sim, StandardMetrics.LATENCY_P99_MS, T0, clock.now());

        assertThat(relativeSpread(p99.canary())).isGreaterThan(1.5 * relativeSpread(p99.baseline()));
        assertThat(mean(p99.baseline())).isCloseTo(40 * Math.exp(LogNormal.Z_99 * 0.5), within(5.0));
    }

    @Test
    void aWeightSetAtTheStartAppliesFromThenButNotBefore() throws Exception {
        FleetSimulator sim = new FleetSimulator(spec(7, RegressionSpec.NONE), clock);
        sim.setCanaryWeight(20);
        clock.advance(Duration.ofMinutes(1));

        CanaryBaseline series = fetch(sim, StandardMetrics.REQUEST_RATE, T0.minusSeconds(60), clock.now());

        // [T0 - 1m, T0 + 1m): six samples before the start, stable only; six after, both
        assertThat(series.baseline()).hasSize(12);
        assertThat(series.canary()).hasSize(6).first().extracting(Sample::time).isEqualTo(T0);
    }

    @Test
    void errorRateAndPercentilesAreMissingWhereASpanHadNoRequest() throws Exception {
        // 0.05 requests per second: a 10-second span serves one request about every other sample
        FleetSimulator sim = new FleetSimulator(new SimulationSpec(7, 1, 0.05, RegressionSpec.NONE), clock);
        clock.advance(Duration.ofMinutes(30));

        int rates = fetch(sim, StandardMetrics.REQUEST_RATE, T0, clock.now()).baseline().size();
        int errorRates = fetch(sim, StandardMetrics.ERROR_RATE, T0, clock.now()).baseline().size();
        int p99s = fetch(sim, StandardMetrics.LATENCY_P99_MS, T0, clock.now()).baseline().size();

        assertThat(rates).isEqualTo(180);
        assertThat(errorRates).isBetween(40, 140).isEqualTo(p99s);
    }

    private static double relativeSpread(List<Sample> series) {
        double mean = mean(series);
        double variance = series.stream().mapToDouble(s -> Math.pow(s.value() - mean, 2)).average().orElseThrow();
        return Math.sqrt(variance) / mean;
    }
}
