package io.devopssim.mlgate.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopssim.core.judge.AnalysisInput;
import io.devopssim.core.metrics.CanaryBaseline;
import io.devopssim.core.metrics.Sample;
import io.devopssim.core.metrics.StandardMetrics;
import io.devopssim.mlgate.sim.FaultKind;
import io.devopssim.mlgate.sim.SeedRange;
import io.devopssim.mlgate.sim.SimulatedReleases;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

class FeatureExtractorTest {
    private final FeatureExtractor extractor = new FeatureExtractor();

    @Test
    void shouldHaveOneNamedColumnPerFeature() {
        assertThat(FeatureSchema.names()).hasSize(26).doesNotHaveDuplicates()
                .contains("error_rate.mean_ratio", "latency_p99_ms.mw_z", "cpu_cores.canary_slope", "traffic.canary_share");
        assertThat(FeatureSchema.metricOf("latency_p50_ms.p90_ratio")).isEqualTo("latency_p50_ms");
        assertThat(FeatureSchema.metricOf("traffic.canary_rps")).isEqualTo("request_rate");
    }

    @Test
    void shouldSeeAHealthyCanaryAsLikeItsBaseline() {
        Features f = extractor.extract(SimulatedReleases.simulate(SeedRange.TRAINING.seed(0), FaultKind.HEALTHY, 0).input());

        assertThat(f.complete()).isTrue();
        assertThat(f.value("latency_p50_ms.mean_ratio")).isBetween(0.9f, 1.1f);
        assertThat(f.value("cpu_cores.mean_ratio")).isBetween(0.85f, 1.15f);
        assertThat(Math.abs(f.value("latency_p50_ms.mw_z"))).isLessThan(3f);
        assertThat(f.value("traffic.canary_share")).isBetween(0.08f, 0.12f);
    }

    @Test
    void shouldShowAnErrorRegressionInTheErrorFeatures() {
        Features f = extractor.extract(SimulatedReleases.simulate(SeedRange.TRAINING.seed(0), FaultKind.ERROR, 0.05).input());

        assertThat(f.value("error_rate.mean_ratio")).isGreaterThan(5f);
        assertThat(f.value("error_rate.mean_diff")).isBetween(0.03f, 0.07f);
        assertThat(f.value("error_rate.mw_z")).isGreaterThan(4f);
        assertThat(f.value("latency_p50_ms.mean_ratio")).isBetween(0.9f, 1.1f);
    }

    @Test
    void shouldLeaveTheVectorIncompleteForANanBaseline() {
        AnalysisInput input = SimulatedReleases.simulate(SeedRange.TRAINING.seed(1), FaultKind.HEALTHY, 0).input();
        Map<String, CanaryBaseline> series = new HashMap<>(input.series());
        CanaryBaseline errors = series.get(StandardMetrics.ERROR_RATE);
        series.put(StandardMetrics.ERROR_RATE, new CanaryBaseline(errors.metric(),
                errors.baseline().stream().map(s -> new Sample(s.time(), Double.NaN)).toList(), errors.canary()));

        Features f = extractor.extract(new AnalysisInput(input.windowStart(), input.windowEnd(), series, Map.of()));

        assertThat(f.complete()).isFalse();
        assertThat(f.missing()).containsExactly("error_rate: 30 canary and 0 baseline points, 10 needed on each side");
    }

    @Test
    void shouldGiveNanFeaturesOnlyForAMetricDeclaredNotCollected() {
        AnalysisInput input = SimulatedReleases.simulate(SeedRange.TRAINING.seed(2), FaultKind.HEALTHY, 0).input();
        Map<String, CanaryBaseline> series = new HashMap<>(input.series());
        series.remove(StandardMetrics.CPU_CORES);
        AnalysisInput withoutCpu = new AnalysisInput(input.windowStart(), input.windowEnd(), series,
                Map.of(StandardMetrics.CPU_CORES, "not exported"));

        Features declared = new FeatureExtractor(10, java.util.Set.of(StandardMetrics.CPU_CORES)).extract(withoutCpu);
        assertThat(declared.complete()).isTrue();
        assertThat(declared.value("cpu_cores.mean_ratio")).isNaN();
        assertThat(declared.value("latency_p99_ms.mean_ratio")).isBetween(0.8f, 1.2f);

        // the same gap without the declaration is missing data: never imputed
        Features undeclared = extractor.extract(withoutCpu);
        assertThat(undeclared.complete()).isFalse();
        assertThat(undeclared.missing()).containsExactly("cpu_cores: no data (not exported)");
    }
}
