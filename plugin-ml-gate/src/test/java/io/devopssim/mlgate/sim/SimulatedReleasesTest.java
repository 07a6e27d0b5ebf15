package io.devopssim.mlgate.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopssim.core.metrics.StandardMetrics;
import org.junit.jupiter.api.Test;

import java.util.List;

class SimulatedReleasesTest {

    @Test
    void shouldKeepTrainingAndEvaluationSeedsApart() {
        assertThat(SeedRange.TRAINING.overlaps(SeedRange.EVALUATION)).isFalse();
        assertThat(new SeedRange(1, 10).overlaps(new SeedRange(10, 5))).isTrue();
    }

    @Test
    void shouldGiveTheSameReleaseForTheSameSeed() {
        SimulatedRelease a = SimulatedReleases.simulate(7, FaultKind.LATENCY, 1.5);
        SimulatedRelease b = SimulatedReleases.simulate(7, FaultKind.LATENCY, 1.5);

        assertThat(a.input()).isEqualTo(b.input());
        assertThat(a.bad()).isTrue();
        assertThat(a.label()).isEqualTo("sim:seed=7:latency:1.5");
    }

    @Test
    void shouldObserveTheCanaryAtTenPercentForFiveMinutes() {
        SimulatedRelease r = SimulatedReleases.simulate(3, FaultKind.HEALTHY, 0);

        assertThat(r.input().unavailable()).isEmpty();
        assertThat(r.input().series().get(StandardMetrics.CPU_CORES).canary()).hasSize(30);
        assertThat(r.input().series().get(StandardMetrics.CPU_CORES).baseline()).hasSize(30);
    }

    @Test
    void shouldMixHealthyAndFaultyReleasesOfEveryKind() {
        List<SimulatedRelease> mix = SimulatedReleases.mix(SeedRange.EVALUATION, 80, SimulatedReleases.FaultSizes.TRAINING);

        assertThat(mix).extracting(SimulatedRelease::kind).contains(FaultKind.values());
        assertThat(mix.stream().filter(SimulatedRelease::bad).count()).isBetween(25L, 55L);
    }
}
