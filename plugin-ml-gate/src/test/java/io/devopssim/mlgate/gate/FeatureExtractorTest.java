package io.devopssim.mlgate.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopssim.core.chaos.ChaosResult;
import io.devopssim.core.chaos.ProbePoint;
import io.devopssim.core.chaos.ProbeSeries;
import io.devopssim.core.judge.AnalysisInput;
import io.devopssim.core.metrics.CanaryBaseline;
import io.devopssim.core.metrics.Sample;
import io.devopssim.core.metrics.StandardMetrics;
import io.devopssim.mlgate.sim.FaultKind;
import io.devopssim.mlgate.sim.SeedRange;
import io.devopssim.mlgate.sim.SimulatedReleases;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

class FeatureExtractorTest {
    private final FeatureExtractor extractor = new FeatureExtractor();

    @Test
    void shouldHaveOneNamedColumnPerFeature() {
        assertThat(FeatureSchema.names()).hasSize(54).doesNotHaveDuplicates()
                .contains("error_rate.mean_ratio", "latency_p99_ms.mw_z", "cpu_cores.canary_slope", "traffic.canary_share");
        assertThat(FeatureSchema.metricOf("latency_p50_ms.p90_ratio")).isEqualTo("latency_p50_ms");
        assertThat(FeatureSchema.metricOf("traffic.canary_rps")).isEqualTo("request_rate");
        assertThat(FeatureSchema.metricOf("cpu_cores.per_rps_ratio")).isEqualTo("cpu_cores");
        assertThat(FeatureSchema.metricOf("chaos.error_budget_burned")).isEqualTo("chaos");
        assertThat(FeatureSchema.VERSION).isEqualTo("gate-features-v3");
        assertThat(FeatureSchema.names().subList(47, 54)).isEqualTo(FeatureSchema.CHAOS);
        assertThat(FeatureSchema.index(FeatureSchema.names().get(30))).isEqualTo(30);
    }

    @Test
    void shouldWeighAnErrorRateDifferenceByTheRequestsBehindIt() {
        // 1.0 % vs 0.5 %: pooled p = 0.005454..., on 1,000 vs 10,000 requests
        // z = 0.005 / sqrt(0.0054545 * 0.9945455 * 0.0011) = 0.005 / 0.0024428 = 2.0468...; ten times the requests: sqrt(10) times that
        double few = FeatureExtractor.binomialZ(0.01, 1_000, 0.005, 10_000);
        double pooled = (0.01 * 1_000 + 0.005 * 10_000) / 11_000;
        assertThat(few).isCloseTo(0.005 / Math.sqrt(pooled * (1 - pooled) * (1.0 / 1_000 + 1.0 / 10_000)),
                org.assertj.core.api.Assertions.within(1e-12)).isCloseTo(2.0468, org.assertj.core.api.Assertions.within(1e-4));
        assertThat(FeatureExtractor.binomialZ(0.01, 10_000, 0.005, 100_000)).isCloseTo(few * Math.sqrt(10),
                org.assertj.core.api.Assertions.within(1e-9));
        assertThat(FeatureExtractor.binomialZ(0.01, 0, 0.005, 100_000)).isZero();
    }

    @Test
    void shouldGiveTheChaosEvidenceAsFeaturesAndMissingValuesWithoutIt() {
        AnalysisInput input = SimulatedReleases.simulate(SeedRange.TRAINING.seed(0), FaultKind.HEALTHY, 0).input();
        Instant t = input.windowStart();
        ChaosResult result = new ChaosResult("r-chaos-4", ChaosResult.Outcome.ABORTED, false, null, 0.6,
                List.of(new ProbeSeries("errors", List.of(new ProbePoint(t, ProbePoint.Stage.BEFORE, 0.004, true),
                        new ProbePoint(t, ProbePoint.Stage.DURING, 0.084, false)))));

        Features none = extractor.extract(input.withChaos(null));
        Features with = extractor.extract(input.withChaos(result));

        assertThat(none.value("chaos.present")).isZero();
        assertThat(FeatureSchema.CHAOS.subList(1, 7)).allSatisfy(f -> assertThat(none.value(f)).as(f).isNaN());
        assertThat(with.value("chaos.present")).isEqualTo(1f);
        assertThat(with.value("chaos.hypothesis_held")).isZero();
        assertThat(with.value("chaos.recovered")).isZero();
        assertThat(with.value("chaos.time_to_recover_s")).isNaN();
        assertThat(with.value("chaos.error_budget_burned")).isEqualTo(0.6f);
        assertThat(with.value("chaos.aborted")).isEqualTo(1f);
        assertThat(with.value("chaos.worst_probe_ratio")).isCloseTo(0.085f / 0.005f, org.assertj.core.api.Assertions.within(1e-3f));
        // the window's own features do not change with the chaos evidence
        assertThat(with.value("error_rate.mw_z")).isEqualTo(none.value("error_rate.mw_z"));
    }

    @Test
    void shouldShowACpuRegressionInCpuPerRequest() {
        Features healthy = extractor.extract(SimulatedReleases.simulate(SeedRange.TRAINING.seed(3), FaultKind.HEALTHY, 0).input());
        Features faulty = extractor.extract(SimulatedReleases.simulate(SeedRange.TRAINING.seed(3), FaultKind.CPU, 1.5).input());
        // same seed, same noise: the fault multiplies the canary's CPU and nothing else
        assertThat(faulty.value("cpu_cores.per_rps_canary") / healthy.value("cpu_cores.per_rps_canary")).isCloseTo(1.5f,
                org.assertj.core.api.Assertions.within(0.01f));
        assertThat(faulty.value("cpu_cores.per_rps_baseline")).isEqualTo(healthy.value("cpu_cores.per_rps_baseline"));
        assertThat(faulty.value("cpu_cores.welch_t")).isGreaterThan(healthy.value("cpu_cores.welch_t") + 3);
        assertThat(healthy.value("traffic.baseline_rps")).isGreaterThan(9 * healthy.value("traffic.canary_rps") * 0.8f);
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
