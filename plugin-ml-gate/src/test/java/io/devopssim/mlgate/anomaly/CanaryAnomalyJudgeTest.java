package io.devopssim.mlgate.anomaly;

import io.devopssim.core.judge.AnalysisInput;
import io.devopssim.core.metrics.CanaryBaseline;
import io.devopssim.core.metrics.MetricQuery;
import io.devopssim.core.metrics.Sample;
import io.devopssim.core.metrics.StandardMetrics;
import io.devopssim.core.model.Judgement;
import io.devopssim.core.model.MetricResult;
import io.devopssim.core.model.MetricStatus;
import io.devopssim.core.model.Verdict;
import io.devopssim.core.sim.FleetSimulator;
import io.devopssim.core.spec.RegressionSpec;
import io.devopssim.core.spec.SimulationSpec;
import io.devopssim.core.time.SimulatedClock;
import io.devopssim.mlgate.sim.FaultKind;
import io.devopssim.mlgate.sim.SeedRange;
import io.devopssim.mlgate.sim.SimulatedReleases;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CanaryAnomalyJudgeTest {
    private static final List<String> METRICS = List.of(StandardMetrics.ERROR_RATE, StandardMetrics.LATENCY_P99_MS);
    private final CanaryAnomalyJudge judge = new CanaryAnomalyJudge(METRICS);

    /** Ten minutes of canary at 30 % (enough traffic for steady series), the fault from the middle of the window. */
    private static AnalysisInput faultFromTheMiddle(long seed, RegressionSpec fault) throws Exception {
        SimulatedClock clock = new SimulatedClock(Instant.parse("2026-03-02T10:00:00Z"));
        FleetSimulator fleet = new FleetSimulator(new SimulationSpec(seed, 10, 300, RegressionSpec.NONE), clock);
        clock.advance(Duration.ofMinutes(10));
        fleet.setCanaryWeight(30);
        Instant start = clock.now();
        clock.advance(Duration.ofMinutes(5));
        fleet.setRegression(fault);
        Instant end = clock.advance(Duration.ofMinutes(5));
        Map<String, CanaryBaseline> series = new HashMap<>();
        for (String m : METRICS) {
            series.put(m, fleet.fetch(new MetricQuery(m, start, end, Duration.ofSeconds(10))));
        }
        return new AnalysisInput(start, end, series, Map.of());
    }

    @Test
    void shouldPassHealthyCanaries() {
        for (int i = 0; i < 40; i++) {
            Judgement j = judge.judge(SimulatedReleases.simulate(SeedRange.TRAINING.seed(700 + i), FaultKind.HEALTHY, 0).input());

            assertThat(j.verdict()).as("seed %d: %s", i, j.reasons()).isEqualTo(Verdict.PASSED);
            assertThat(j.score()).isEqualTo(100);
        }
    }

    @Test
    @DisplayName("a fault that starts in the middle of the window is an unexplained rise on the canary: FAILED, saying when")
    void shouldFailARiseThatStartsInTheWindow() throws Exception {
        Judgement j = judge.judge(faultFromTheMiddle(3, new RegressionSpec(0, 2.5, 1)));

        assertThat(j.verdict()).as("%s", j.reasons()).isEqualTo(Verdict.FAILED);
        assertThat(j.metrics()).filteredOn(m -> m.metric().equals(StandardMetrics.LATENCY_P99_MS))
                .extracting(MetricResult::status).containsExactly(MetricStatus.HIGH);
        assertThat(j.reasons()).anyMatch(r -> r.startsWith("latency_p99_ms: canary rose to ") && r.contains("2026-03-02T10:1")
                && r.contains("with no baseline alarm within 30 s"));
        assertThat(judge.judge(faultFromTheMiddle(3, RegressionSpec.NONE)).verdict()).isEqualTo(Verdict.PASSED);
    }

    @Test
    @DisplayName("a lasting rise on canary and baseline at once has a common cause, not the release; a lone spike is noise")
    void shouldNotBlameTheReleaseForARiseTheBaselineShares() {
        AnalysisInput healthy = SimulatedReleases.simulate(SeedRange.TRAINING.seed(801), FaultKind.HEALTHY, 0).input();
        CanaryBaseline p99 = healthy.series().get(StandardMetrics.LATENCY_P99_MS);
        Map<String, CanaryBaseline> series = new HashMap<>(healthy.series());
        series.put(StandardMetrics.LATENCY_P99_MS, new CanaryBaseline(p99.metric(), rise(p99.baseline()), rise(p99.canary())));
        Map<String, CanaryBaseline> canaryOnly = new HashMap<>(healthy.series());
        canaryOnly.put(StandardMetrics.LATENCY_P99_MS, new CanaryBaseline(p99.metric(), p99.baseline(), rise(p99.canary())));
        Map<String, CanaryBaseline> spike = new HashMap<>(healthy.series());
        List<Sample> spiked = new ArrayList<>(p99.canary());
        spiked.set(21, new Sample(spiked.get(21).time(), spiked.get(21).value() * 5));
        spike.put(StandardMetrics.LATENCY_P99_MS, new CanaryBaseline(p99.metric(), p99.baseline(), spiked));

        Judgement shared = judge.judge(new AnalysisInput(healthy.windowStart(), healthy.windowEnd(), series, Map.of()));
        Judgement alone = judge.judge(new AnalysisInput(healthy.windowStart(), healthy.windowEnd(), canaryOnly, Map.of()));

        assertThat(shared.verdict()).as("%s", shared.reasons()).isEqualTo(Verdict.PASSED);
        assertThat(shared.reasons()).anyMatch(r -> r.contains("canary alarm(s) shared by the baseline, a common cause"));
        assertThat(alone.verdict()).as("%s", alone.reasons()).isEqualTo(Verdict.FAILED);
        assertThat(judge.judge(new AnalysisInput(healthy.windowStart(), healthy.windowEnd(), spike, Map.of())).verdict())
                .isEqualTo(Verdict.PASSED);
    }

    @Test
    void shouldBeInconclusiveWithTooFewPointsOrAMissingMetric() {
        AnalysisInput healthy = SimulatedReleases.simulate(SeedRange.TRAINING.seed(802), FaultKind.HEALTHY, 0).input();
        Map<String, CanaryBaseline> series = new HashMap<>(healthy.series());
        CanaryBaseline errors = series.get(StandardMetrics.ERROR_RATE);
        series.put(StandardMetrics.ERROR_RATE, new CanaryBaseline(errors.metric(), errors.baseline(), errors.canary().subList(0, 14)));
        series.remove(StandardMetrics.LATENCY_P99_MS);

        Judgement j = judge.judge(new AnalysisInput(healthy.windowStart(), healthy.windowEnd(), series,
                Map.of(StandardMetrics.LATENCY_P99_MS, "timed out")));

        assertThat(j.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(j.reasons()).containsExactly("error_rate: 14 canary and 30 baseline points, 15 needed on each side",
                "latency_p99_ms: no data (timed out)");
        assertThatThrownBy(() -> new CanaryAnomalyJudge(List.of())).hasMessageContaining("at least one metric");
    }

    /** The series from its 22nd point on three times as high. */
    private static List<Sample> rise(List<Sample> points) {
        List<Sample> out = new ArrayList<>(points);
        for (int i = 21; i < out.size(); i++) {
            out.set(i, new Sample(out.get(i).time(), out.get(i).value() * 3));
        }
        return out;
    }
}
