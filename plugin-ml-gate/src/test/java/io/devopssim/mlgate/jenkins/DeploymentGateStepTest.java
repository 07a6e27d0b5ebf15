package io.devopssim.mlgate.jenkins;

import io.devopssim.jenkinsapi.testing.TestStepContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.devopssim.mlgate.gate.FeatureExtractor;
import io.devopssim.mlgate.gate.GateTrainer;
import io.devopssim.mlgate.gate.ModelRegistry;
import io.devopssim.mlgate.gate.TrainingExample;
import io.devopssim.mlgate.gate.TrainingParams;
import io.devopssim.mlgate.sim.SeedRange;
import io.devopssim.mlgate.sim.SimulatedReleases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** deploymentGate end to end against a fake Prometheus on 127.0.0.1: arguments, query, judge, outcome. */
class DeploymentGateStepTest {
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);

    private static Path models;

    @TempDir
    Path workspace;

    private FakePrometheus prometheus;
    private ExecutorService pool;
    private TestStepContext context;
    private RecordingBuild build;

    /** A model directory with a current model trained on simulated releases, as trainDeploymentGate leaves it. */
    @BeforeAll
    static void trainAModel(@TempDir Path dir) {
        FeatureExtractor extractor = new FeatureExtractor();
        List<TrainingExample> examples = SimulatedReleases.mix(SeedRange.TRAINING, 300, SimulatedReleases.FaultSizes.TRAINING)
                .stream().map(r -> new TrainingExample(extractor.extract(r.input()).values(), r.bad(), r.label())).toList();
        GateTrainer.Trained trained = new GateTrainer(TrainingParams.DEFAULT).train(examples);
        models = dir.resolve("models");
        ModelRegistry registry = new ModelRegistry(models);
        registry.makeCurrent(registry.register(trained));
        trained.model().close();
    }

    @BeforeEach
    void start() throws Exception {
        prometheus = new FakePrometheus();
        pool = Executors.newSingleThreadExecutor();
        context = new TestStepContext();
        build = new RecordingBuild(workspace);
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
        prometheus.close();
    }

    private DeploymentGateStep step(String url) {
        DeploymentGateStep step = new DeploymentGateStep();
        step.setPrometheusUrl(url);
        step.setCanarySelector("{app=\"shop\",track=\"canary\"}");
        step.setBaselineSelector("{app=\"shop\",track=\"stable\"}");
        return step;
    }

    private Object run(DeploymentGateStep step) throws Exception {
        DeploymentGateExecution execution = new DeploymentGateExecution(context, step.request(), pool, NOW, build);
        assertThat(execution.start()).as("asynchronous: start() returns before the outcome").isFalse();
        return context.outcome.get(30, TimeUnit.SECONDS);
    }

    private Throwable failure(DeploymentGateStep step) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> run(step));
        assertThat(thrown).isInstanceOf(ExecutionException.class);
        return thrown.getCause();
    }

    @ParameterizedTest(name = "judge {0}")
    @CsvSource({"mannWhitney", "threshold"})
    @DisplayName("a healthy canary passes, returns verdict, score and reasons, and logs every metric's numbers")
    void healthyCanaryPasses(String judge) throws Exception {
        DeploymentGateStep step = step(prometheus.url());
        step.setJudge(judge);

        Object result = run(step);

        assertThat(result).isInstanceOf(Map.class);
        Map<?, ?> map = (Map<?, ?>) result;
        assertThat(map.get("verdict")).isEqualTo("PASSED");
        assertThat(map.keySet().stream().map(String::valueOf).toList()).containsExactly("verdict", "score", "reasons");
        assertThat(context.log()).contains("[deploymentGate] verdict PASSED")
                .contains("[deploymentGate]   error_rate: canary 0.00")
                .contains("[deploymentGate]   latency_p99_ms: canary 1");
        assertThat(context.completions()).isEqualTo(1);
        // a baseline and a canary query per metric
        assertThat(prometheus.requests()).isEqualTo(4);
    }

    @ParameterizedTest(name = "judge {0}")
    @CsvSource({"mannWhitney", "threshold"})
    @DisplayName("a canary whose error rate regresses fails the step with the verdict and the reasons")
    void errorRegressionFails(String judge) {
        prometheus.canary(FakePrometheus.Canary.ERROR_REGRESSION);
        DeploymentGateStep step = step(prometheus.url());
        step.setJudge(judge);

        Throwable failure = failure(step);

        assertThat(failure).isInstanceOf(AbortException.class).hasMessageContaining("FAILED").hasMessageContaining("error_rate");
        assertThat(context.log()).contains("[deploymentGate] verdict FAILED").contains("[deploymentGate]   reason: ");
    }

    @Test
    @DisplayName("a canary with no series is INCONCLUSIVE and fails the build, never PASSED")
    void noCanaryDataIsInconclusive() {
        prometheus.canary(FakePrometheus.Canary.NO_DATA);

        Throwable failure = failure(step(prometheus.url()));

        assertThat(failure).isInstanceOf(AbortException.class).hasMessageContaining("INCONCLUSIVE");
        assertThat(context.log()).contains("verdict INCONCLUSIVE").doesNotContain("PASSED");
    }

    @Test
    @DisplayName("an unreachable Prometheus is INCONCLUSIVE and fails the build")
    void unreachablePrometheusIsInconclusive() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort(); // nothing listens there once the socket is closed
        }

        Throwable failure = failure(step("http://127.0.0.1:" + closedPort + "/"));

        assertThat(failure).isInstanceOf(AbortException.class).hasMessageContaining("INCONCLUSIVE");
    }

    @Test
    @DisplayName("stop() fails the step with its cause at once and cancels the query, which completes nothing more")
    void stopCancelsTheQuery() throws Exception {
        // a Prometheus that accepts the connection and never answers: the query hangs until cancelled
        try (ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            DeploymentGateStep step = step("http://127.0.0.1:" + silent.getLocalPort() + "/");
            DeploymentGateExecution execution = new DeploymentGateExecution(context, new GateRequest(step.getPrometheusUrl(),
                    step.getCanarySelector(), step.getBaselineSelector(), step.getWindow(), step.getJudge(), step.getMetrics(),
                    step.getFailOn()), pool, NOW);
            execution.start();
            try (java.net.Socket accepted = silent.accept()) {
                AbortException cause = new AbortException("stopped by the user");
                execution.stop(cause);

                assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> context.outcome.get(5, TimeUnit.SECONDS)))
                        .hasCause(cause);
                // the cancelled query ends well before its 10 s request timeout and completes nothing more
                pool.shutdown();
                assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
                assertThat(context.completions()).isEqualTo(1);
                assertThat(context.log()).doesNotContain("verdict");
            }
        }
    }

    @Test
    @DisplayName("failOn: 'failed' lets an INCONCLUSIVE gate return its verdict instead of failing")
    void failOnFailedReturnsInconclusive() throws Exception {
        prometheus.canary(FakePrometheus.Canary.NO_DATA);
        DeploymentGateStep step = step(prometheus.url());
        step.setFailOn("failed");

        assertThat(((Map<?, ?>) run(step)).get("verdict")).isEqualTo("INCONCLUSIVE");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "prometheusUrl|ftp://prometheus/",
            "prometheusUrl|not a url",
            "window|five minutes",
            "window|10s",
            "judge|kayenta",
            "failOn|sometimes",
            "metrics|error_rate",
            "metrics|error_rate max=lots",
            "metrics|apdex max=1",
            "canarySelector|app=shop",
    })
    @DisplayName("bad arguments are rejected with an AbortException before any request reaches Prometheus")
    void badArgumentsFailBeforeAnyRequest(String field, String value) {
        DeploymentGateStep step = step(prometheus.url());
        switch (field) {
            case "prometheusUrl" -> step.setPrometheusUrl(value);
            case "window" -> step.setWindow(value);
            case "judge" -> step.setJudge(value);
            case "failOn" -> step.setFailOn(value);
            case "metrics" -> step.setMetrics(value);
            default -> step.setCanarySelector(value);
        }
        DeploymentGateExecution execution = new DeploymentGateExecution(context, new GateRequest(step.getPrometheusUrl(),
                step.getCanarySelector(), step.getBaselineSelector(), step.getWindow(), step.getJudge(), step.getMetrics(),
                step.getFailOn()), pool, NOW);

        assertThatThrownBy(execution::start).isInstanceOf(AbortException.class).hasMessageStartingWith("deploymentGate: ")
                .hasMessageContaining(field.equals("canarySelector") ? "canarySelector" : field);
        assertThat(prometheus.requests()).isZero();
        assertThat(context.completions()).isZero();
    }

    @Test
    @DisplayName("a missing prometheusUrl is rejected")
    void prometheusUrlIsRequired() {
        DeploymentGateStep step = step(null);
        DeploymentGateExecution execution = new DeploymentGateExecution(context, new GateRequest(null,
                step.getCanarySelector(), step.getBaselineSelector(), step.getWindow(), step.getJudge(), null,
                step.getFailOn()), pool, NOW);

        assertThatThrownBy(execution::start).isInstanceOf(AbortException.class).hasMessageContaining("prometheusUrl is required");
    }

    @Test
    @DisplayName("judge xgboost fails an error regression with SHAP reasons in the log, a badge and a summary on the build")
    void xgboostFailsAnErrorRegressionAndExplainsItself() {
        prometheus.canary(FakePrometheus.Canary.ERROR_REGRESSION);
        DeploymentGateStep step = step(prometheus.url());
        step.setJudge("xgboost");
        step.setModel(models.toString());

        Throwable failure = failure(step);

        assertThat(failure).isInstanceOf(AbortException.class).hasMessageStartingWith("deploymentGate: FAILED");
        assertThat(context.log()).contains("with xgboost (model " + models + " v0001, threshold 0.5000)")
                .contains("[deploymentGate]   reason: probability the release is bad ")
                .containsPattern("reason: [a-z0-9_]+\\.[a-z0-9_]+ = \\S+ \\(SHAP \\+\\S+ toward bad\\)");
        GateSummary badge = build.actions(GateBadgeAction.class).get(0).getSummary();
        GateSummary summary = build.actions(GateSummaryAction.class).get(0).getSummary();
        assertThat(badge.getBadgeText()).startsWith("FAILED ");
        assertThat(summary.getTopFeatures()).isNotEmpty().allMatch(r -> r.contains("(SHAP "));
        assertThat(summary.getMetrics()).extracting(GateSummary.MetricRow::getMetric).contains("error_rate");
        // a baseline and a canary query for each metric the features read
        assertThat(prometheus.requests()).isEqualTo(10);
    }

    @Test
    @DisplayName("judge combined runs the stages given, in order, and passes a healthy canary only when every stage does")
    void combinedRunsTheGivenStages() throws Exception {
        DeploymentGateStep step = step(prometheus.url());
        step.setJudge("combined");
        step.setStages("threshold, xgboost");
        step.setModel(models.toString());

        Map<?, ?> result = (Map<?, ?>) run(step);

        assertThat(result.get("verdict")).as(context.log()).isEqualTo("PASSED");
        assertThat((List<?>) result.get("reasons")).first().isEqualTo("stages: threshold PASSED, xgboost PASSED");
        assertThat(context.log()).contains("with combined: threshold, xgboost (model ");
        assertThat(build.actions(GateBadgeAction.class)).singleElement()
                .satisfies(b -> assertThat(b.getSummary().getColor()).isEqualTo("#1b7f3b"));
    }

    @Test
    @DisplayName("a model that cannot be loaded fails the step in start(), before any request")
    void anUnusableModelFailsBeforeAnyRequest() throws Exception {
        Files.createDirectories(workspace.resolve("empty"));
        DeploymentGateStep step = step(prometheus.url());
        step.setJudge("xgboost");
        step.setModel("empty");
        DeploymentGateExecution execution = new DeploymentGateExecution(context, step.request(), pool, NOW, build);

        assertThatThrownBy(execution::start).isInstanceOf(AbortException.class)
                .hasMessageStartingWith("deploymentGate: model empty (" + workspace.resolve("empty"))
                .hasMessageEndingWith("holds no model: train one with devsim gate train");
        assertThat(prometheus.requests()).isZero();
        assertThat(context.completions()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "xgboost||||model is required by judge xgboost",
            "mannWhitney|m|||model is read only by judge xgboost",
            "combined|m|1.5||threshold \"1.5\" is not a probability",
            "combined|m||threshold,combined|stages: \"combined\" is not a stage",
            "threshold|||xgboost|stages are read only by judge combined",
    })
    @DisplayName("model, threshold and stages are checked with the other arguments")
    void modelArgumentsAreChecked(String judge, String model, String threshold, String stages, String expected) {
        DeploymentGateStep step = step(prometheus.url());
        step.setJudge(judge);
        step.setModel(model);
        step.setThreshold(threshold);
        step.setStages(stages);
        DeploymentGateExecution execution = new DeploymentGateExecution(context, step.request(), pool, NOW, build);

        assertThatThrownBy(execution::start).isInstanceOf(AbortException.class).hasMessageContaining(expected);
        assertThat(prometheus.requests()).isZero();
    }
}
