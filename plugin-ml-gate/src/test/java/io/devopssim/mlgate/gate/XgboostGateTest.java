package io.devopssim.mlgate.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.devopssim.core.judge.AnalysisInput;
import io.devopssim.core.metrics.CanaryBaseline;
import io.devopssim.core.metrics.StandardMetrics;
import io.devopssim.core.model.Judgement;
import io.devopssim.core.model.MetricResult;
import io.devopssim.core.model.MetricStatus;
import io.devopssim.core.model.Verdict;
import io.devopssim.mlgate.sim.FaultKind;
import io.devopssim.mlgate.sim.SeedRange;
import io.devopssim.mlgate.sim.SimulatedRelease;
import io.devopssim.mlgate.sim.SimulatedReleases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

class XgboostGateTest {
    private static XgboostGate gate;

    @BeforeAll
    static void trainSmallModel() {
        gate = new XgboostGate(new GateTrainer(TrainingParams.DEFAULT).train(TrainedModels.training()).model());
    }

    private static SimulatedRelease evaluationRelease(int index, FaultKind kind, double size) {
        return SimulatedReleases.simulate(SeedRange.EVALUATION.seed(index), kind, size);
    }

    @Test
    void shouldFailAClearErrorRateRegressionAndNameTheErrorRateFirst() {
        Judgement j = gate.judge(evaluationRelease(0, FaultKind.ERROR, 0.05).input());

        assertThat(j.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(j.score()).isLessThan(50);
        assertThat(j.reasons().get(0)).startsWith("probability the release is bad");
        assertThat(j.reasons().get(1)).startsWith("error_rate.").contains("toward bad");
        assertThat(j.metrics()).filteredOn(m -> m.metric().equals(StandardMetrics.ERROR_RATE))
                .extracting(MetricResult::status).containsExactly(MetricStatus.HIGH);
    }

    @Test
    void shouldPassHealthyCanaries() {
        for (int i = 0; i < 5; i++) {
            Judgement j = gate.judge(evaluationRelease(i, FaultKind.HEALTHY, 0).input());

            assertThat(j.verdict()).as("healthy release %d: %s", i, j.reasons()).isEqualTo(Verdict.PASSED);
            assertThat(j.reasons()).hasSize(1 + XgboostGate.DEFAULT_REASONS);
        }
    }

    @Test
    void shouldFailAReleaseThatFallsOverUnderChaosAndSayHowTheExperimentWeighed() {
        SimulatedRelease fragile = SimulatedReleases.simulate(SeedRange.EVALUATION.seed(3), FaultKind.FRAGILE, 0.08, true);
        SimulatedRelease healthy = SimulatedReleases.simulate(SeedRange.EVALUATION.seed(3), FaultKind.HEALTHY, 0, true);
        assertThat(healthy.input().chaos().hypothesisHeld()).isTrue();

        Judgement bad = gate.judge(fragile.input());
        Judgement good = gate.judge(healthy.input());

        assertThat(bad.verdict()).as("%s", bad.reasons()).isEqualTo(Verdict.FAILED);
        assertThat(bad.reasons().get(bad.reasons().size() - 1))
                .startsWith("chaos sim-" + SeedRange.EVALUATION.seed(3) + "-chaos (COMPLETED): hypothesis broken, error budget burned ")
                .contains("; chaos features SHAP +").endsWith(" toward bad");
        assertThat(good.verdict()).as("%s", good.reasons()).isEqualTo(Verdict.PASSED);
        assertThat(good.reasons()).hasSize(2 + XgboostGate.DEFAULT_REASONS);
        assertThat(good.reasons().get(good.reasons().size() - 1)).contains("hypothesis held");
        // without the chaos evidence the same fragile window looks healthy
        assertThat(gate.judge(fragile.input().withChaos(null)).verdict()).isEqualTo(Verdict.PASSED);
    }

    @Test
    void shouldFailAClearLatencyRegression() {
        Judgement j = gate.judge(evaluationRelease(1, FaultKind.LATENCY, 2.0).input());

        assertThat(j.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(j.reasons().get(1)).startsWith("latency_p");
    }

    @Test
    void shouldBeInconclusiveWhenAMetricIsMissing() {
        AnalysisInput complete = evaluationRelease(2, FaultKind.HEALTHY, 0).input();
        Map<String, CanaryBaseline> series = new HashMap<>(complete.series());
        series.remove(StandardMetrics.ERROR_RATE);
        AnalysisInput partial = new AnalysisInput(complete.windowStart(), complete.windowEnd(), series,
                Map.of(StandardMetrics.ERROR_RATE, "query timed out"));

        Judgement j = gate.judge(partial);

        assertThat(j.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(j.reasons()).contains("error_rate: no data (query timed out)");
    }

    @Test
    void shouldBeInconclusiveWithTooFewSamplesEvenForAnObviousFault() {
        AnalysisInput complete = evaluationRelease(3, FaultKind.ERROR, 0.2).input();
        Map<String, CanaryBaseline> series = new HashMap<>(complete.series());
        CanaryBaseline latency = series.get(StandardMetrics.LATENCY_P99_MS);
        series.put(StandardMetrics.LATENCY_P99_MS, new CanaryBaseline(latency.metric(), latency.baseline(),
                latency.canary().subList(0, 4)));

        Judgement j = gate.judge(new AnalysisInput(complete.windowStart(), complete.windowEnd(), series, Map.of()));

        assertThat(j.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(j.reasons().get(0)).contains("latency_p99_ms: 4 canary");
    }

    @Test
    void shouldExplainWithContributionsThatAddUpToTheModelsMargin() {
        GateModel model = new GateTrainer(new TrainingParams(10, 2, 0.3, 1, 1)).train(TrainedModels.training()).model();
        float[] features = new FeatureExtractor().extract(evaluationRelease(4, FaultKind.CPU, 2.5).input()).values();

        float[] contributions = model.contributions(features);
        double margin = 0;
        for (float c : contributions) {
            margin += c;
        }

        assertThat(contributions).hasSize(FeatureSchema.size() + 1);
        assertThat(1 / (1 + Math.exp(-margin))).isCloseTo(model.probabilityBad(features),
                within(1e-4));
    }

    @Test
    void shouldRefuseToTrainOnOneClassOnly() {
        List<TrainingExample> healthyOnly = TrainedModels.examples(
                SimulatedReleases.fixed(SeedRange.TRAINING, 5, FaultKind.HEALTHY, 0));

        assertThatThrownBy(() -> new GateTrainer(TrainingParams.DEFAULT).train(healthyOnly))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 bad of 5");
    }

    @Test
    void shouldDecideWithoutAMetricDeclaredNotCollectedAndReportItAsNoData() {
        AnalysisInput input = evaluationRelease(7, FaultKind.ERROR, 0.05).input();
        Map<String, CanaryBaseline> series = new HashMap<>(input.series());
        series.remove(StandardMetrics.CPU_CORES);
        AnalysisInput withoutCpu = new AnalysisInput(input.windowStart(), input.windowEnd(), series, Map.of());
        XgboostGate withoutCpuGate = new XgboostGate(new GateTrainer(TrainingParams.DEFAULT).train(TrainedModels.training()).model(),
                new FeatureExtractor(FeatureExtractor.DEFAULT_MIN_SAMPLES, java.util.Set.of(StandardMetrics.CPU_CORES)),
                XgboostGate.DEFAULT_THRESHOLD, XgboostGate.DEFAULT_REASONS);

        Judgement j = withoutCpuGate.judge(withoutCpu);

        assertThat(j.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(j.metrics()).filteredOn(m -> m.metric().equals(StandardMetrics.CPU_CORES))
                .extracting(MetricResult::status).containsExactly(MetricStatus.NO_DATA);
        // the plain gate does not guess: the same window is INCONCLUSIVE there
        assertThat(gate.judge(withoutCpu).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    }
}
