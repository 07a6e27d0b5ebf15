package io.devopssim.core.sim;

import io.devopssim.core.metrics.CanaryBaseline;
import io.devopssim.core.metrics.MetricQuery;
import io.devopssim.core.metrics.Sample;
import io.devopssim.core.metrics.StandardMetrics;
import io.devopssim.core.spec.CanaryScale;
import io.devopssim.core.spec.RegressionSpec;
import io.devopssim.core.spec.SimulationSpec;
import io.devopssim.core.time.SimulatedClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** setCanaryScale on the simulator: the canary's pods apart from its weight, its requests unchanged. */
class CanaryScaleTest {
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private final SimulatedClock clock = new SimulatedClock(T0);
    private final FleetSimulator sim = new FleetSimulator(new SimulationSpec(7, 10, 200, RegressionSpec.NONE), clock);

    @Test
    void shouldRunTheCanaryOnTheScaledPodsWithTheSameShareOfRequests() throws Exception {
        sim.setCanaryWeight(10);
        clock.advance(Duration.ofMinutes(1));
        sim.setCanaryScale(CanaryScale.replicas(4));
        clock.advance(Duration.ofMinutes(1));

        assertThat(sim.snapshot().versions().get(Version.CANARY).pods()).isEqualTo(4);
        assertThat(sim.snapshot().versions().get(Version.STABLE).pods()).as("stable keeps its replicas").isEqualTo(9);
        Instant scaled = T0.plus(Duration.ofMinutes(1));
        double cpuBefore = mean(fetch(StandardMetrics.CPU_CORES, T0, scaled).canary());
        double cpuAfter = mean(fetch(StandardMetrics.CPU_CORES, scaled, clock.now()).canary());
        double requestsBefore = mean(fetch(StandardMetrics.REQUEST_RATE, T0, scaled).canary());
        double requestsAfter = mean(fetch(StandardMetrics.REQUEST_RATE, scaled, clock.now()).canary());
        // the same requests over four pods instead of one: the per-pod load part drops to a quarter
        assertThat(cpuAfter).isLessThan(cpuBefore * 0.5);
        assertThat(requestsAfter).isBetween(requestsBefore * 0.9, requestsBefore * 1.1);
    }

    @Test
    void shouldRecordAScaleChangeOnceAndFollowTheWeightAgainWhenMatched() throws Exception {
        sim.setCanaryWeight(20);
        sim.setCanaryScale(CanaryScale.weight(50));
        clock.advance(Duration.ofSeconds(30));
        sim.setCanaryScale(CanaryScale.weight(50));

        assertThat(sim.history()).hasSize(2);
        assertThat(sim.snapshot().versions().get(Version.CANARY).pods()).isEqualTo(5);

        sim.setCanaryScale(CanaryScale.MATCH_TRAFFIC_WEIGHT);
        assertThat(sim.canaryScale()).isEqualTo(CanaryScale.MATCH_TRAFFIC_WEIGHT);
        assertThat(sim.snapshot().versions().get(Version.CANARY).pods()).isEqualTo(2);
        assertThat(sim.history()).hasSize(3);
    }

    @Test
    void aCanaryTakingTrafficRunsAtLeastOnePodAndOneWithoutTrafficMayRunSome() throws Exception {
        sim.setCanaryScale(CanaryScale.replicas(2));
        assertThat(sim.snapshot().versions().get(Version.CANARY).pods()).isEqualTo(2);
        sim.setCanaryWeight(10);
        sim.setCanaryScale(CanaryScale.replicas(0));
        assertThat(sim.snapshot().versions().get(Version.CANARY).pods()).isEqualTo(1);
    }

    private CanaryBaseline fetch(String metric, Instant start, Instant end) throws Exception {
        return sim.fetch(new MetricQuery(metric, start, end, Duration.ofSeconds(10)));
    }

    private static double mean(List<Sample> series) {
        assertThat(series).isNotEmpty();
        return series.stream().mapToDouble(Sample::value).average().orElseThrow();
    }
}
