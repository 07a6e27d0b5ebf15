package io.devopssim.chaos.jenkins;

import io.devopssim.core.testing.ManualScheduler;
import io.devopssim.core.time.Scheduler;
import io.devopssim.jenkinsapi.testing.StepSerialization;
import io.devopssim.jenkinsapi.testing.TestStepContext;

import hudson.AbortException;
import io.devopssim.chaos.ChaosRunner;
import io.devopssim.chaos.FileExperimentStore;
import io.devopssim.chaos.HttpProber;
import io.devopssim.chaos.sim.SimulatorBackend;
import io.devopssim.core.sim.FleetSimulator;
import io.devopssim.core.spec.RegressionSpec;
import io.devopssim.core.spec.SimulationSpec;
import io.devopssim.core.time.SimulatedClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Drives the {@code chaosExperiment} step the way Pipeline does: start, asynchronous completion, restart, stop. */
class ChaosExperimentStepTest {
    static final String MILD_LATENCY = """
            name: mild-latency
            faults: [{latency: {ms: 50}}]
            duration: 2m
            hypothesis:
              interval: 20s
              probes:
                - {name: p50, metric: latency_p50_ms, max: 200}
                - {name: errors, metric: error_rate, max: 0.05}
            """;
    static final String BLACKHOLE = """
            name: blackhole
            faults: [blackhole]
            duration: 5m
            hypothesis:
              interval: 20s
              probes:
                - {name: errors, metric: error_rate, max: 0.05}
            abort: {afterFailedChecks: 2}
            """;

    @TempDir
    Path tmp;

    private SimulatedClock clock;
    private ManualScheduler scheduler;
    private TestBuilds builds;
    private TestRuntime runtime;
    private TestStepContext context;

    @BeforeEach
    void setUp() {
        clock = new SimulatedClock(Instant.parse("2026-11-23T10:00:00Z"));
        scheduler = new ManualScheduler(clock);
        builds = new TestBuilds(tmp.resolve("build"));
        runtime = new TestRuntime();
        context = new TestStepContext();
    }

    @Test
    void shouldDescribeItselfAsChaosExperimentNeedingRunAndListener() {
        ChaosExperimentStep.DescriptorImpl d = new ChaosExperimentStep.DescriptorImpl();
        assertThat(d.getFunctionName()).isEqualTo("chaosExperiment");
        assertThat(new java.util.HashSet<Object>(d.getRequiredContext()))
                .containsExactlyInAnyOrder(hudson.model.Run.class, hudson.model.TaskListener.class);
        assertThat(new ChaosExperimentStep().isFailOnBrokenHypothesis()).as("fails on a broken hypothesis by default").isTrue();
    }

    @Test
    void shouldCompleteAsynchronouslyWithTheResultAndLogEachEvent() throws Exception {
        ChaosExperimentExecution execution = execution(MILD_LATENCY, true);

        assertThat(execution.start()).as("asynchronous: start returns at once").isFalse();
        assertThat(context.outcome).isNotDone();
        scheduler.run(1000);

        assertThat(context.outcome.get()).isEqualTo(Map.of("outcome", "COMPLETED", "hypothesisHeld", true,
                "errorBudgetBurned", 0.0));
        assertThat(context.completions()).isEqualTo(1);
        assertThat(context.log()).contains("[chaosExperiment] experiment mild-latency on simulator")
                .contains("[chaosExperiment] steady state holds: injecting")
                .contains("[chaosExperiment] faults halted");
        assertThat(runtime.fleet("exp-1").regression()).isEqualTo(RegressionSpec.NONE);
        assertThat(scheduler.pending()).as("nothing left scheduled").isZero();
    }

    @Test
    void shouldFailTheStepWhenTheHypothesisBreaks() throws Exception {
        ChaosExperimentExecution execution = execution(BLACKHOLE, true);

        execution.start();
        scheduler.run(1000);

        assertThatThrownBy(() -> context.outcome.get()).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(AbortException.class).hasMessageContaining("hypothesis broke").hasMessageContaining("aborted");
        assertThat(context.log()).contains("[chaosExperiment] abort: steady state broken");
        assertThat(runtime.fleet("exp-1").regression()).isEqualTo(RegressionSpec.NONE);
    }

    @Test
    void shouldReturnTheResultOfABrokenHypothesisWhenToldNotToFail() throws Exception {
        ChaosExperimentExecution execution = execution(BLACKHOLE, false);

        execution.start();
        scheduler.run(1000);

        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) context.outcome.get();
        assertThat(result).containsEntry("outcome", "ABORTED").containsEntry("hypothesisHeld", false);
        assertThat((Double) result.get("errorBudgetBurned")).isPositive();
        assertThat(context.log()).contains("failOnBrokenHypothesis is false");
    }

    @Test
    void shouldRejectAnInvalidSpecBeforeAnythingStarts() {
        ChaosExperimentExecution execution = execution("""
                name: Not_A_Label
                faults: [{latency: {ms: 50}}]
                duration: 48h
                """, true);

        assertThatThrownBy(execution::start).isInstanceOf(AbortException.class)
                .hasMessageContaining("invalid experiment spec").hasMessageContaining("name").hasMessageContaining("duration");
        assertThat(runtime.runners).as("no runner, so no fault").isZero();
        assertThat(Files.exists(tmp.resolve("build").resolve("devsim-chaos"))).as("no state written").isFalse();
        assertThat(scheduler.pending()).isZero();
    }

    @Test
    void shouldRejectBothSpecAndSpecFile() {
        ChaosExperimentExecution execution = new ChaosExperimentExecution(context,
                new ChaosExperimentRequest("x.yaml", MILD_LATENCY, "exp-1", true), runtime);

        assertThatThrownBy(execution::start).isInstanceOf(AbortException.class).hasMessageContaining("exactly one of");
        assertThat(runtime.runners).isZero();
    }

    @Test
    void shouldHaltTheFaultsWhenStoppedMidExperiment() throws Exception {
        ChaosExperimentExecution execution = execution(MILD_LATENCY, true);
        execution.start();
        runUntilFaultsInForce("exp-1");

        execution.stop(new InterruptedException("aborted by user"));

        assertThat(runtime.fleet("exp-1").regression()).as("the fault is halted at once").isEqualTo(RegressionSpec.NONE);
        assertThat(runtime.backend("exp-1").active()).isEmpty();
        assertThatThrownBy(() -> context.outcome.get()).cause().isInstanceOf(InterruptedException.class);
        assertThat(scheduler.pending()).as("the next check was cancelled").isZero();
        assertThat(context.log()).contains("[chaosExperiment] stop requested: aborted by user");
    }

    @Test
    void shouldResumeAfterARestartAndEndWithNoFaultLeft() throws Exception {
        ChaosExperimentExecution execution = execution(MILD_LATENCY, true);
        execution.start();
        runUntilFaultsInForce("exp-1");
        byte[] saved = serialize(execution);

        // the controller restarts: in-memory schedule gone, the execution comes back from the program's bytes
        scheduler.forget();
        ChaosExperimentExecution resumed = deserialize(saved);
        resumed.useRuntimeForTest(runtime);
        resumed.onResume();
        scheduler.run(1000);

        assertThat(context.outcome.get()).isInstanceOf(Map.class);
        assertThat(((Map<?, ?>) context.outcome.get()).get("outcome")).isEqualTo("COMPLETED");
        assertThat(context.completions()).isEqualTo(1);
        assertThat(runtime.fleet("exp-1").regression()).isEqualTo(RegressionSpec.NONE);
        assertThat(runtime.backend("exp-1").active()).isEmpty();
        // each event is logged once, across the restart
        assertThat(context.log().split("steady state holds: injecting", -1)).hasSize(2);
    }

    @Test
    void shouldShowTheRunSummaryOnTheBuildOnceAcrossARestart() throws Exception {
        ChaosExperimentExecution execution = execution(MILD_LATENCY, true);
        execution.start();
        assertThat(builds.actions).singleElement().satisfies(a -> {
            assertThat(a.getUrlName()).isEqualTo("chaos-exp-1");
            assertThat(a.getModel().isDone()).as("running").isFalse();
            assertThat(a.getModel().getBackend()).isEqualTo("simulator");
        });
        runUntilFaultsInForce("exp-1");
        byte[] saved = serialize(execution);
        scheduler.forget();
        ChaosExperimentExecution resumed = deserialize(saved);
        resumed.useRuntimeForTest(runtime);

        resumed.onResume();
        scheduler.run(1000);

        assertThat(builds.publishCalls).as("published again on resume, in case the build was not saved").isEqualTo(2);
        ChaosRunViewModel model = builds.actions.get(0).getModel();
        assertThat(builds.actions).hasSize(1);
        assertThat(model.isDone()).isTrue();
        assertThat(model.getHypothesisHeld()).isTrue();
        assertThat(model.getProbes()).extracting(ChaosRunViewModel.ProbeView::getName).containsExactly("p50", "errors");
        assertThat(model.getProbes().get(0).getPoints()).hasSizeGreaterThan(5);
    }

    @Test
    void shouldRejectBackendArgumentsThatDoNotFitBeforeAnythingStarts() {
        ChaosExperimentExecution execution = new ChaosExperimentExecution(context, new ChaosExperimentRequest(null, MILD_LATENCY,
                "exp-1", true, new BackendArguments(null, "shop", null, null, null, null, null, null)), runtime);

        assertThatThrownBy(execution::start).isInstanceOf(AbortException.class)
                .hasMessageContaining("invalid backend arguments").hasMessageContaining("namespace: does not apply to the simulator backend");
        assertThat(runtime.runners).isZero();
        assertThat(Files.exists(tmp.resolve("build").resolve("devsim-chaos"))).isFalse();
    }

    @Test
    void shouldDeriveAnIdEveryBackendAcceptsFromTheBuild() throws Exception {
        ChaosExperimentExecution execution = new ChaosExperimentExecution(context,
                new ChaosExperimentRequest(null, MILD_LATENCY, null, true), runtime);

        execution.start();

        assertThat(execution.getStatus()).isEqualTo("experiment mild-latency-job-app-1");
    }

    private void runUntilFaultsInForce(String id) {
        for (int i = 0; i < 100 && runtime.backend(id).active().isEmpty(); i++) {
            scheduler.run(1);
        }
        assertThat(runtime.backend(id).active()).as("faults in force").isNotEmpty();
        assertThat(runtime.fleet(id).regression()).isNotEqualTo(RegressionSpec.NONE);
        assertThat(scheduler.pending()).isPositive();
    }

    private ChaosExperimentExecution execution(String spec, boolean failOnBrokenHypothesis) {
        return new ChaosExperimentExecution(context, new ChaosExperimentRequest(null, spec, "exp-1", failOnBrokenHypothesis),
                runtime);
    }

    private byte[] serialize(ChaosExperimentExecution execution) throws IOException {
        return StepSerialization.serialize(execution, context);
    }

    private ChaosExperimentExecution deserialize(byte[] bytes) throws Exception {
        return StepSerialization.deserialize(bytes, context, ChaosExperimentExecution.class);
    }

    /**
     * The controller's runtime for tests: simulated time, the manual scheduler, one fleet (canary at 20 %, with
     * two minutes of history) per experiment id, kept across a restart as the real fleet would be.
     */
    private final class TestRuntime implements ChaosRuntime {
        private final Map<String, FleetSimulator> fleets = new HashMap<>();
        private final Map<String, SimulatorBackend> backends = new HashMap<>();
        private final HttpProber noHttp = (url, timeout) -> {
            throw new IOException("no HTTP in this test");
        };
        int runners;

        @Override
        public Scheduler scheduler() {
            return scheduler;
        }

        @Override
        public BuildAccess builds() {
            return builds;
        }

        @Override
        public ChaosRunner runner(RunnerRequest request) {
            String experimentId = request.experimentId();
            Path stateDir = request.stateDir();
            runners++;
            FleetSimulator fleet = fleets.computeIfAbsent(experimentId, id -> {
                FleetSimulator f = new FleetSimulator(SimulationSpec.DEFAULT, clock);
                try {
                    f.setCanaryWeight(20);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                clock.advance(Duration.ofMinutes(2)); // history for the first check's window
                return f;
            });
            SimulatorBackend backend = backends.computeIfAbsent(experimentId, id -> new SimulatorBackend(fleet));
            return new ChaosRunner(backend, fleet, noHttp, clock, new FileExperimentStore(stateDir));
        }

        FleetSimulator fleet(String id) {
            return fleets.get(id);
        }

        SimulatorBackend backend(String id) {
            return backends.get(id);
        }
    }
}
