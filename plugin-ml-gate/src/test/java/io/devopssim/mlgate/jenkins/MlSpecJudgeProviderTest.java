package io.devopssim.mlgate.jenkins;

import io.devopssim.core.judge.AnalysisRunner;
import io.devopssim.core.model.Judgement;
import io.devopssim.core.model.Verdict;
import io.devopssim.core.sim.FleetSimulator;
import io.devopssim.core.spec.AnalysisSpec;
import io.devopssim.core.spec.JudgeKind;
import io.devopssim.core.spec.MetricCriterion;
import io.devopssim.core.spec.RegressionSpec;
import io.devopssim.core.spec.SimulationSpec;
import io.devopssim.core.time.SimulatedClock;
import io.devopssim.mlgate.gate.FeatureExtractor;
import io.devopssim.mlgate.gate.GateTrainer;
import io.devopssim.mlgate.gate.ModelRegistry;
import io.devopssim.mlgate.gate.TrainingExample;
import io.devopssim.mlgate.gate.TrainingParams;
import io.devopssim.mlgate.sim.SeedRange;
import io.devopssim.mlgate.sim.SimulatedReleases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The extension that gives the deploy plugin's rollout steps the judges of this plugin. */
class MlSpecJudgeProviderTest {
    private static final Duration STEP = Duration.ofSeconds(10);
    private static final List<MetricCriterion> CRITERIA = List.of(
            new MetricCriterion("error_rate", 0.02, null, 2.0),
            new MetricCriterion("latency_p99_ms", null, null, 1.5));

    @TempDir
    static Path specDir;

    private final MlSpecJudgeProvider provider = new MlSpecJudgeProvider();

    /** A model directory beside the spec file, with a current model, as trainDeploymentGate leaves it. */
    @BeforeAll
    static void trainAModel() {
        FeatureExtractor extractor = new FeatureExtractor();
        List<TrainingExample> examples = SimulatedReleases.mix(SeedRange.TRAINING, 200, SimulatedReleases.FaultSizes.TRAINING)
                .stream().map(r -> new TrainingExample(extractor.extract(r.input()).values(), r.bad(), r.label())).toList();
        GateTrainer.Trained trained = new GateTrainer(TrainingParams.DEFAULT).train(examples);
        ModelRegistry registry = new ModelRegistry(specDir.resolve("models"));
        registry.makeCurrent(registry.register(trained));
        trained.model().close();
    }

    private static AnalysisSpec spec(JudgeKind judge, String model, List<JudgeKind> stages) {
        return new AnalysisSpec(STEP, 6, CRITERIA, judge, model, AnalysisSpec.DEFAULT_THRESHOLD, stages);
    }

    /** Five minutes of a canary at 10 % on the simulated fleet, judged by the provider's runner as a rollout does. */
    private Judgement judge(AnalysisSpec spec, Path dir, RegressionSpec regression) throws Exception {
        SimulatedClock clock = new SimulatedClock(Instant.parse("2026-11-23T09:00:00Z"));
        FleetSimulator fleet = new FleetSimulator(new SimulationSpec(11, 10, 200, regression), clock);
        fleet.setCanaryWeight(10);
        Instant start = clock.now();
        clock.advance(Duration.ofMinutes(5));
        AnalysisRunner runner = provider.runner(spec, fleet, dir).orElseThrow();
        return runner.analyse(spec, start, clock.now());
    }

    @Test
    @DisplayName("judge mannWhitney: a Mann-Whitney analysis over the metrics given, failing a canary with more errors")
    void shouldBuildAMannWhitneyAnalysis() throws Exception {
        AnalysisSpec spec = new AnalysisSpec(STEP, 6, CRITERIA, JudgeKind.MANN_WHITNEY);

        assertThat(judge(spec, null, RegressionSpec.NONE).verdict()).isEqualTo(Verdict.PASSED);
        Judgement bad = judge(spec, null, new RegressionSpec(0.05, 2.0, 1));
        assertThat(bad.verdict()).as(bad.reasons().toString()).isEqualTo(Verdict.FAILED);
        assertThat(bad.reasons()).anyMatch(r -> r.contains("error_rate"));
    }

    @Test
    @DisplayName("judge combined: its stages in order, with the model found relative to the spec file's directory")
    void shouldBuildACombinedAnalysisWithTheModelBesideTheSpec() throws Exception {
        Judgement healthy = judge(spec(JudgeKind.COMBINED, "models", JudgeKind.DEFAULT_STAGES), specDir, RegressionSpec.NONE);

        assertThat(healthy.reasons().get(0)).startsWith("stages: threshold PASSED, mannWhitney PASSED, xgboost ");
        assertThat(healthy.reasons()).anyMatch(r -> r.startsWith("xgboost: probability the release is bad "));
    }

    @Test
    @DisplayName("thresholds are left to the deploy steps; an unusable or unplaceable model is refused when the runner is built")
    void shouldLeaveThresholdsAndRefuseUnusableModels() {
        SimulatedClock clock = new SimulatedClock(Instant.parse("2026-11-23T09:00:00Z"));
        FleetSimulator fleet = new FleetSimulator(new SimulationSpec(11, 10, 200, RegressionSpec.NONE), clock);

        assertThat(provider.runner(new AnalysisSpec(STEP, 6, CRITERIA), fleet, specDir)).isEmpty();
        assertThatThrownBy(() -> provider.runner(spec(JudgeKind.XGBOOST, "models", List.of()), fleet, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("analysis.model models is relative, but the spec has no directory on the controller");
        assertThatThrownBy(() -> provider.runner(spec(JudgeKind.XGBOOST, "nowhere", List.of()), fleet, specDir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("nowhere (" + specDir.resolve("nowhere") + ") is not a directory");
    }
}
