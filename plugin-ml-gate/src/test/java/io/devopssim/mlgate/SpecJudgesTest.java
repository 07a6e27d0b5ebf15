package io.devopssim.mlgate;

import io.devopssim.core.judge.AnalysisRunner;
import io.devopssim.core.metrics.StandardMetrics;
import io.devopssim.core.model.Judgement;
import io.devopssim.core.model.Verdict;
import io.devopssim.core.sim.FleetSimulator;
import io.devopssim.core.spec.AnalysisSpec;
import io.devopssim.core.spec.JudgeKind;
import io.devopssim.core.spec.MetricCriterion;
import io.devopssim.core.spec.RegressionSpec;
import io.devopssim.core.spec.SimulationSpec;
import io.devopssim.core.state.Json;
import io.devopssim.core.time.SimulatedClock;
import io.devopssim.mlgate.gate.FeatureExtractor;
import io.devopssim.mlgate.gate.GateTrainer;
import io.devopssim.mlgate.gate.ModelException;
import io.devopssim.mlgate.gate.ModelMetadata;
import io.devopssim.mlgate.gate.ModelRegistry;
import io.devopssim.mlgate.gate.TrainingExample;
import io.devopssim.mlgate.gate.TrainingParams;
import io.devopssim.mlgate.judge.Direction;
import io.devopssim.mlgate.judge.MannWhitneyConfig;
import io.devopssim.mlgate.judge.MetricConfig;
import io.devopssim.mlgate.sim.SeedRange;
import io.devopssim.mlgate.sim.SimulatedReleases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpecJudgesTest {
    private static final Duration STEP = Duration.ofSeconds(10);
    private static GateTrainer.Trained trained;

    @TempDir
    Path tmp;

    private final List<MetricCriterion> criteria = List.of(
            new MetricCriterion("error_rate", 0.02, null, 2.0),
            new MetricCriterion("latency_p99_ms", null, null, 1.5),
            new MetricCriterion("request_rate", null, 10.0, null));

    @BeforeAll
    static void train() {
        FeatureExtractor extractor = new FeatureExtractor();
        List<TrainingExample> examples = SimulatedReleases.mix(SeedRange.TRAINING, 300, SimulatedReleases.FaultSizes.TRAINING)
                .stream().map(r -> new TrainingExample(extractor.extract(r.input()).values(), r.bad(), r.label())).toList();
        trained = new GateTrainer(TrainingParams.DEFAULT).train(examples);
    }

    /** A model directory with one current model, as devsim gate train leaves it. */
    private Path modelDir() {
        Path dir = tmp.resolve("models");
        ModelRegistry registry = new ModelRegistry(dir);
        registry.makeCurrent(registry.register(trained));
        return dir;
    }

    private static AnalysisSpec spec(JudgeKind judge, List<MetricCriterion> criteria, String model, List<JudgeKind> stages) {
        return new AnalysisSpec(STEP, 6, criteria, judge, model, AnalysisSpec.DEFAULT_THRESHOLD, stages);
    }

    /** Five minutes of a canary at 10 % on the simulated fleet, judged through an AnalysisRunner as a rollout does. */
    private static Judgement judgeOnFleet(SpecJudge judge, AnalysisSpec spec, RegressionSpec regression) throws Exception {
        SimulatedClock clock = new SimulatedClock(Instant.parse("2026-11-23T09:00:00Z"));
        FleetSimulator fleet = new FleetSimulator(new SimulationSpec(11, 10, 200, regression), clock);
        fleet.setCanaryWeight(10);
        Instant start = clock.now();
        clock.advance(Duration.ofMinutes(5));
        return new AnalysisRunner(fleet, judge).analyse(spec, start, clock.now());
    }

    @Test
    void shouldBuildTheJudgeTheSpecNames() {
        try (SpecJudge threshold = SpecJudges.forSpec(new AnalysisSpec(STEP, 6, criteria));
             SpecJudge mannWhitney = SpecJudges.forSpec(new AnalysisSpec(STEP, 6, criteria, JudgeKind.MANN_WHITNEY))) {
            assertThat(threshold.description()).isEqualTo("threshold");
            assertThat(threshold.requiredMetrics()).isEmpty();
            assertThat(mannWhitney.description()).isEqualTo("mannWhitney");
        }
    }

    @Test
    @DisplayName("the anomaly detector is a stage of the combined gate over the criteria's metrics, explained in its reasons")
    void anomalyIsAStageOfTheCombinedGate() throws Exception {
        List<MetricCriterion> twoMetrics = criteria.subList(0, 2);
        AnalysisSpec spec = spec(JudgeKind.COMBINED, twoMetrics, null, List.of(JudgeKind.THRESHOLD, JudgeKind.ANOMALY));
        try (SpecJudge judge = SpecJudges.forSpec(spec)) {
            assertThat(judge.description()).isEqualTo("combined: threshold, anomaly");
            assertThat(judge.requiredMetrics()).containsExactlyInAnyOrder("error_rate", "latency_p99_ms");

            Judgement healthy = judgeOnFleet(judge, spec, RegressionSpec.NONE);

            assertThat(healthy.verdict()).as("%s", healthy.reasons()).isEqualTo(Verdict.PASSED);
            assertThat(healthy.reasons().get(0)).isEqualTo("stages: threshold PASSED, anomaly PASSED");
            assertThat(healthy.reasons()).anyMatch(r -> r.startsWith("anomaly: latency_p99_ms: no unexplained rise in 30 canary points"));
        }
    }

    @Test
    void shouldCarryTheCriteriaOverAsKayentaMetricConfigs() {
        MannWhitneyConfig c = SpecJudges.mannWhitney(new AnalysisSpec(STEP, 2, criteria, JudgeKind.MANN_WHITNEY));

        assertThat(c.metrics()).containsExactly(
                new MetricConfig("error_rate", "error_rate", Direction.INCREASE, 2.0, 1.0, true),
                new MetricConfig("latency_p99_ms", "latency_p99_ms", Direction.INCREASE, 1.5, 1.0, false),
                new MetricConfig("request_rate", "request_rate", Direction.DECREASE, 1.0, 1.0, false));
        assertThat(c.minSamples()).as("Mann-Whitney needs at least 3 points a side").isEqualTo(3);
    }

    @Test
    @DisplayName("judge xgboost loads the model directory's current model and reads every metric of its features, whatever the criteria")
    void xgboostJudgesWithTheCurrentModelAndItsOwnMetrics() throws Exception {
        modelDir();
        AnalysisSpec spec = spec(JudgeKind.XGBOOST, List.of(), "models", List.of());

        try (SpecJudge judge = SpecJudges.forSpec(spec, tmp)) {
            Judgement bad = judgeOnFleet(judge, spec, new RegressionSpec(0.05, 1, 1));
            Judgement healthy = judgeOnFleet(judge, spec, RegressionSpec.NONE);

            assertThat(judge.description()).isEqualTo("xgboost (model models v0001, threshold 0.5000)");
            assertThat(judge.requiredMetrics()).containsExactlyInAnyOrder(StandardMetrics.ERROR_RATE, StandardMetrics.LATENCY_P50_MS,
                    StandardMetrics.LATENCY_P99_MS, StandardMetrics.CPU_CORES, StandardMetrics.REQUEST_RATE);
            assertThat(bad.verdict()).isEqualTo(Verdict.FAILED);
            assertThat(bad.reasons().get(0)).startsWith("probability the release is bad ");
            assertThat(bad.reasons().get(1)).matches("[a-z0-9_]+\\.[a-z0-9_]+ = \\S+ \\(SHAP [+-]\\S+ toward (bad|healthy)\\)");
            assertThat(healthy.verdict()).as(healthy.reasons().toString()).isEqualTo(Verdict.PASSED);
        }
    }

    @Test
    @DisplayName("judge combined runs its stages in order and says how each went in its first reason")
    void combinedExplainsItsStages() throws Exception {
        modelDir();
        AnalysisSpec spec = spec(JudgeKind.COMBINED, criteria.subList(0, 2), tmp.resolve("models/v0001").toString(),
                JudgeKind.DEFAULT_STAGES);

        try (SpecJudge judge = SpecJudges.forSpec(spec, Path.of("/nonexistent"))) {
            Judgement healthy = judgeOnFleet(judge, spec, RegressionSpec.NONE);
            Judgement slow = judgeOnFleet(judge, spec, new RegressionSpec(0, 1.6, 1));

            assertThat(judge.description()).startsWith("combined: threshold, mannWhitney, xgboost (model ").endsWith("v0001 v0001, threshold 0.5000)");
            assertThat(healthy.verdict()).isEqualTo(Verdict.PASSED);
            assertThat(healthy.reasons().get(0)).isEqualTo("stages: threshold PASSED, mannWhitney PASSED, xgboost PASSED");
            assertThat(healthy.reasons()).anyMatch(r -> r.startsWith("xgboost: probability the release is bad "));
            assertThat(slow.verdict()).isEqualTo(Verdict.FAILED);
            assertThat(slow.reasons().get(0)).startsWith("stages: threshold ").endsWith("(stopped there)");
        }
    }

    @Test
    @DisplayName("a model that cannot be used is a clear error naming the path, before anything is judged")
    void unusableModelsAreClearErrors() throws Exception {
        AnalysisSpec missing = spec(JudgeKind.XGBOOST, List.of(), "nowhere", List.of());
        assertThatThrownBy(() -> SpecJudges.forSpec(missing, tmp)).isInstanceOf(ModelException.class)
                .hasMessageStartingWith("nowhere (" + tmp.resolve("nowhere") + ") is not a directory");

        Files.createDirectories(tmp.resolve("empty"));
        assertThatThrownBy(() -> SpecJudges.forSpec(spec(JudgeKind.XGBOOST, List.of(), "empty", List.of()), tmp))
                .hasMessageEndingWith(": holds no model: train one with devsim gate train");

        Path dir = tmp.resolve("uncurrent");
        new ModelRegistry(dir).register(trained);
        assertThatThrownBy(() -> SpecJudges.forSpec(spec(JudgeKind.XGBOOST, List.of(), "uncurrent", List.of()), tmp))
                .hasMessageEndingWith(": has versions v0001 but no CURRENT: none has passed its gating yet");

        Path models = modelDir();
        Path metadata = models.resolve("v0001").resolve(ModelRegistry.METADATA);
        ModelMetadata m = Json.mapper().readValue(metadata.toFile(), ModelMetadata.class);
        Json.mapper().writeValue(metadata.toFile(), new ModelMetadata(m.version(), "gate-features-v0", m.features(), m.dataHash(),
                m.examples(), m.badExamples(), m.training(), m.params(), m.created()));
        assertThatThrownBy(() -> SpecJudges.forSpec(spec(JudgeKind.COMBINED, criteria, "models", JudgeKind.DEFAULT_STAGES), tmp))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("model models (").hasMessageContaining("v0001 reads feature schema gate-features-v0;"
                        + " this gate computes " + io.devopssim.mlgate.gate.FeatureSchema.VERSION + ": train a new model");

        Files.write(models.resolve("v0001").resolve(ModelRegistry.MODEL), new byte[] {1, 2, 3});
        Json.mapper().writeValue(metadata.toFile(), m);
        assertThatThrownBy(() -> SpecJudges.forSpec(spec(JudgeKind.XGBOOST, List.of(), "models", List.of()), tmp))
                .isInstanceOf(ModelException.class).hasMessageContaining("cannot load the model");
    }
}
