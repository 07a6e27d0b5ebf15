package io.devopssim.mlgate.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devopssim.core.chaos.ChaosResult;
import io.devopssim.core.chaos.ProbeSeries;
import io.devopssim.core.metrics.StandardMetrics;
import io.devopssim.mlgate.gate.FeatureExtractor;
import org.junit.jupiter.api.Test;

import java.time.Instant;
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
        assertThat(mix.stream().filter(r -> r.input().chaos() != null).count()).isBetween(15L, 45L);
        assertThat(mix).filteredOn(r -> r.kind() == FaultKind.FRAGILE).allMatch(r -> r.input().chaos() != null);
    }

    @Test
    void shouldRunTheChaosStepBeforeTheAnalysisWindowAndHandItsResultToIt() {
        SimulatedRelease plain = SimulatedReleases.simulate(11, FaultKind.HEALTHY, 0);
        SimulatedRelease chaos = SimulatedReleases.simulate(11, FaultKind.HEALTHY, 0, true);

        assertThat(plain.input().chaos()).isNull();
        ChaosResult r = chaos.input().chaos();
        assertThat(r.outcome()).isEqualTo(ChaosResult.Outcome.COMPLETED);
        assertThat(r.probes()).extracting(ProbeSeries::probe).containsExactly("canary-errors", "canary-p99");
        Instant lastCheck = r.probes().get(0).points().get(r.probes().get(0).points().size() - 1).time();
        assertThat(chaos.input().windowStart()).isAfter(lastCheck);
        assertThat(chaos.input().series().get(StandardMetrics.CPU_CORES).canary()).hasSize(30);
        assertThat(chaos.label()).isEqualTo("sim:seed=11:healthy:chaos");
    }

    @Test
    void shouldShowAFragileReleaseOnlyUnderTheChaosFault() {
        FeatureExtractor extractor = new FeatureExtractor();
        int broken = 0;
        for (int i = 0; i < 10; i++) {
            SimulatedRelease fragile = SimulatedReleases.simulate(SeedRange.TRAINING.seed(i), FaultKind.FRAGILE, 0.08, true);
            ChaosResult r = fragile.input().chaos();
            broken += r.hypothesisHeld() ? 0 : 1;
            assertThat(fragile.bad()).isTrue();
            if (r.outcome() == ChaosResult.Outcome.COMPLETED) {
                assertThat(r.errorBudgetBurned()).as("seed %d", i).isPositive();
                assertThat(r.worstProbeRatio()).as("seed %d", i).isGreaterThan(5);
            }
            // its steady state is its baseline's: the analysis window alone cannot tell
            assertThat(Math.abs(extractor.extract(fragile.input()).value("error_rate.mean_diff"))).isLessThan(0.01f);
        }
        assertThat(broken).isGreaterThanOrEqualTo(9);
        assertThatThrownBy(() -> SimulatedReleases.simulate(1, FaultKind.FRAGILE, 0.08, false))
                .hasMessage("a fragile release shows only under a chaos step");
    }
}
