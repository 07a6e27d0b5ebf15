package io.devopssim.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devopssim.core.chaos.ChaosBackend;
import io.devopssim.core.chaos.ChaosBackendException;
import io.devopssim.core.chaos.ChaosRequest;
import io.devopssim.core.chaos.ChaosResult;
import io.devopssim.core.chaos.FaultState;
import io.devopssim.core.chaos.FaultStatus;
import io.devopssim.core.chaos.ProbePoint;
import io.devopssim.core.spec.RegressionSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

class ChaosRunnerTest {
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

    private final SimulatedFleet given = new SimulatedFleet();
    private final HttpProber noHttp = (url, timeout) -> {
        throw new IOException("no HTTP in this test");
    };

    private ChaosRunner runner(ExperimentStore store) {
        return new ChaosRunner(given.backend, given.fleet, noHttp, given.clock, store);
    }

    @Test
    void shouldHoldTheHypothesisUnderAMildFaultAndRestoreTheCanary() throws Exception {
        ExperimentSpec spec = SimulatedFleet.spec(MILD_LATENCY);
        ChaosRunner runner = runner(new InMemoryExperimentStore());

        given.runToEnd(runner, "run-1", spec);
        ChaosResult result = runner.result("run-1");

        assertThat(result.outcome()).isEqualTo(ChaosResult.Outcome.COMPLETED);
        assertThat(result.hypothesisHeld()).isTrue();
        assertThat(result.timeToRecover()).isEqualTo(Duration.ofSeconds(20));
        assertThat(result.errorBudgetBurned()).isZero();
        assertThat(result.probes()).extracting(s -> s.probe()).containsExactly("p50", "errors");
        // one check before, one every 20 s of the 2 minutes (at 20..100 s; at 120 s the faults end), one after
        assertThat(result.probes().get(0).points()).extracting(ProbePoint::stage)
                .containsExactly(ProbePoint.Stage.BEFORE, ProbePoint.Stage.DURING, ProbePoint.Stage.DURING,
                        ProbePoint.Stage.DURING, ProbePoint.Stage.DURING, ProbePoint.Stage.DURING, ProbePoint.Stage.AFTER);
        assertThat(result.features()).containsEntry("chaos_hypothesis_held", 1.0).containsEntry("chaos_time_to_recover_s", 20.0);
        assertThat(given.fleet.regression()).isEqualTo(RegressionSpec.NONE);
        assertThat(given.backend.active()).isEmpty();
    }

    @Test
    void shouldMakeTheLatencyFaultVisibleInTheCanaryButNotTheBaseline() throws Exception {
        ExperimentSpec spec = SimulatedFleet.spec("""
                name: latency-seen
                faults: [{latency: {ms: 50}}]
                duration: 1m
                hypothesis:
                  interval: 20s
                  probes:
                    - {name: canary, metric: latency_p50_ms, max: 1000}
                    - {name: baseline, metric: latency_p50_ms, max: 1000, on: baseline}
                """);

        ExperimentState end = given.runToEnd(runner(new InMemoryExperimentStore()), "run-1", spec);

        double canary = during(end, "canary");
        double baseline = during(end, "baseline");
        // the median grows by the 50 ms delay on top of the model's 40 ms, on the canary only
        assertThat(canary).isBetween(80.0, 100.0);
        assertThat(baseline).isBetween(35.0, 45.0);
    }

    private static double during(ExperimentState s, String probe) {
        return s.series().get(probe).stream().filter(p -> p.stage() == ProbePoint.Stage.DURING)
                .mapToDouble(ProbePoint::value).average().orElseThrow();
    }

    @Test
    void shouldAbortAtOnceWhenTheHypothesisBreaksBeyondTheLimit() throws Exception {
        ExperimentSpec spec = SimulatedFleet.spec(BLACKHOLE);
        ChaosRunner runner = runner(new InMemoryExperimentStore());

        ExperimentState end = given.runToEnd(runner, "run-1", spec);
        ChaosResult result = runner.result("run-1");

        assertThat(result.outcome()).isEqualTo(ChaosResult.Outcome.ABORTED);
        assertThat(result.hypothesisHeld()).isFalse();
        assertThat(result.features()).containsEntry("chaos_aborted", 1.0);
        // halted after the second broken check (40 s in), long before the 5 minutes
        assertThat(Duration.between(end.faultsStartedAt(), end.faultsHaltedAt())).isEqualTo(Duration.ofSeconds(40));
        assertThat(result.errorBudgetBurned()).isGreaterThan(0.5);
        assertThat(given.fleet.regression()).isEqualTo(RegressionSpec.NONE);
        assertThat(given.backend.active()).isEmpty();
    }

    @Test
    void shouldInjectNothingWhenTheSteadyStateIsBrokenBeforehand() throws Exception {
        ExperimentSpec spec = SimulatedFleet.spec(MILD_LATENCY.replace("max: 0.05", "max: 0.0"));
        ChaosRunner runner = runner(new InMemoryExperimentStore());

        given.runToEnd(runner, "run-1", spec);

        assertThat(runner.result("run-1").outcome()).isEqualTo(ChaosResult.Outcome.NOT_STEADY);
        assertThat(given.backend.observe("run-1").state()).isEqualTo(FaultState.UNKNOWN);
        assertThat(given.fleet.history()).hasSize(2); // the start and the weight: never a regression
    }

    @Test
    void shouldHaltAtOnceWhenTheRunnerComesBackAfterTheDuration() throws Exception {
        ExperimentSpec spec = SimulatedFleet.spec(MILD_LATENCY);
        ChaosRunner runner = runner(new InMemoryExperimentStore());
        runner.advance("run-1", spec);
        runner.advance("run-1", spec);

        given.clock.advance(Duration.ofMinutes(10)); // the controller was away
        ExperimentState s = runner.advance("run-1", spec);

        assertThat(s.phase()).isEqualTo(ExperimentPhase.RECOVERING);
        assertThat(s.outcome()).isEqualTo(ChaosResult.Outcome.COMPLETED);
        assertThat(given.backend.active()).isEmpty();
        assertThat(given.fleet.regression()).isEqualTo(RegressionSpec.NONE);
    }

    @Test
    void shouldResumeFromItsSavedStateAndEndAsAnUninterruptedRun(@TempDir Path dir) throws Exception {
        ExperimentSpec spec = SimulatedFleet.spec(MILD_LATENCY);
        SimulatedFleet reference = new SimulatedFleet();
        ExperimentState uninterrupted = reference.runToEnd(new ChaosRunner(reference.backend, reference.fleet, noHttp,
                reference.clock, new InMemoryExperimentStore()), "run-1", spec);

        ExperimentState s = runner(new FileExperimentStore(dir)).start("run-1", spec);
        for (int i = 0; i < 4; i++) {
            s = runner(new FileExperimentStore(dir)).advance("run-1", spec); // a new runner each time: a restart
            given.clock.advanceTo(s.waitUntil());
        }
        ExperimentState resumed = given.runToEnd(runner(new FileExperimentStore(dir)), "run-1", spec);

        assertThat(resumed.series()).isEqualTo(uninterrupted.series());
        assertThat(resumed.events()).isEqualTo(uninterrupted.events());
        assertThat(given.backend.active()).isEmpty();
    }

    @Test
    void shouldRefuseToResumeWithAnotherSpec() throws Exception {
        ChaosRunner runner = runner(new InMemoryExperimentStore());
        runner.start("run-1", SimulatedFleet.spec(MILD_LATENCY));

        assertThatThrownBy(() -> runner.advance("run-1", SimulatedFleet.spec(BLACKHOLE)))
                .isInstanceOf(ChaosException.class)
                .hasMessageContaining("was started with a different spec");
    }

    @Test
    void shouldRetryAHaltThatFailedUntilTheBackendConfirmsIt() throws Exception {
        AtomicInteger haltFailures = new AtomicInteger(2);
        ChaosBackend flaky = new ChaosBackend() {
            @Override
            public String name() {
                return "flaky";
            }

            @Override
            public void start(ChaosRequest request) {
                given.backend.start(request);
            }

            @Override
            public FaultStatus observe(String id) {
                return given.backend.observe(id);
            }

            @Override
            public void halt(String id) throws ChaosBackendException {
                if (haltFailures.getAndDecrement() > 0) {
                    throw new ChaosBackendException("backend unavailable");
                }
                given.backend.halt(id);
            }
        };
        ChaosRunner runner = new ChaosRunner(flaky, given.fleet, noHttp, given.clock, new InMemoryExperimentStore());

        ExperimentState end = given.runToEnd(runner, "run-1", SimulatedFleet.spec(BLACKHOLE));

        assertThat(end.events()).extracting(ExperimentEvent::message).filteredOn(m -> m.startsWith("halt failed")).hasSize(2);
        assertThat(end.faultsMayBeActive()).isFalse();
        assertThat(given.backend.active()).isEmpty();
    }

    @Test
    void shouldHaltWhatItStartedWhenTheBackendFailsToObserve() throws Exception {
        ChaosBackend blind = new ChaosBackend() {
            @Override
            public String name() {
                return "blind";
            }

            @Override
            public void start(ChaosRequest request) {
                given.backend.start(request);
            }

            @Override
            public FaultStatus observe(String id) throws ChaosBackendException {
                throw new ChaosBackendException("lost contact");
            }

            @Override
            public void halt(String id) {
                given.backend.halt(id);
            }
        };
        ChaosRunner runner = new ChaosRunner(blind, given.fleet, noHttp, given.clock, new InMemoryExperimentStore());

        given.runToEnd(runner, "run-1", SimulatedFleet.spec(MILD_LATENCY));

        assertThat(runner.result("run-1").outcome()).isEqualTo(ChaosResult.Outcome.FAILED);
        assertThat(runner.result("run-1").hypothesisHeld()).isFalse();
        assertThat(given.backend.active()).isEmpty();
    }

    @Test
    void shouldHaltWhatABackendInjectedBeforeItFailedToStart() throws Exception {
        ChaosBackend halfway = new ChaosBackend() {
            @Override
            public String name() {
                return "halfway";
            }

            @Override
            public void start(ChaosRequest request) throws ChaosBackendException {
                given.backend.start(request); // the first faults are in force...
                throw new ChaosBackendException("quota exceeded"); // ...when the last one fails
            }

            @Override
            public FaultStatus observe(String id) {
                return given.backend.observe(id);
            }

            @Override
            public void halt(String id) {
                given.backend.halt(id);
            }
        };
        ChaosRunner runner = new ChaosRunner(halfway, given.fleet, noHttp, given.clock, new InMemoryExperimentStore());

        ExperimentState end = given.runToEnd(runner, "run-1", SimulatedFleet.spec(MILD_LATENCY));

        assertThat(runner.result("run-1").outcome()).isEqualTo(ChaosResult.Outcome.FAILED);
        assertThat(end.events()).extracting(ExperimentEvent::message).contains("halfway could not inject: quota exceeded");
        assertThat(given.backend.active()).isEmpty();
        assertThat(given.fleet.regression()).isEqualTo(RegressionSpec.NONE);
    }

    @Test
    void shouldCountAnUnreachableHttpProbeAsBroken() throws Exception {
        ExperimentSpec spec = SimulatedFleet.spec("""
                name: http-only
                faults: [{latency: {ms: 10}}]
                duration: 1m
                hypothesis: {probes: [{name: health, url: "http://127.0.0.1:1/healthz"}]}
                """);
        ChaosRunner runner = runner(new InMemoryExperimentStore());

        given.runToEnd(runner, "run-1", spec);

        ChaosResult result = runner.result("run-1");
        assertThat(result.outcome()).isEqualTo(ChaosResult.Outcome.NOT_STEADY);
        assertThat(result.probes().get(0).points().get(0).value()).isNaN();
    }

    @Test
    void shouldHoldAnHttpProbeThatAnswersTheExpectedStatus() throws Exception {
        ExperimentSpec spec = SimulatedFleet.spec("""
                name: http-only
                faults: [{latency: {ms: 10}}]
                duration: 1m
                hypothesis: {probes: [{name: health, url: "http://127.0.0.1:1/healthz", expectStatus: 204}]}
                """);
        ChaosRunner runner = new ChaosRunner(given.backend, given.fleet, (url, timeout) -> 204, given.clock,
                new InMemoryExperimentStore());

        given.runToEnd(runner, "run-1", spec);

        assertThat(runner.result("run-1").hypothesisHeld()).isTrue();
    }
}
