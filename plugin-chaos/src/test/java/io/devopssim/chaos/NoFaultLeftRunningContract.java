package io.devopssim.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopssim.core.chaos.ChaosBackend;
import io.devopssim.core.chaos.ChaosResult;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The "never leave a fault running" contract, run against every backend: stop the experiment at every
 * stage (between two transitions, and as a crash right after each saved transition), then stop it or
 * pull the kill switch from a fresh runner; afterwards the backend's own state shows nothing running.
 * Metrics come from a simulated fleet whatever the backend, so the experiment's path is the same.
 */
abstract class NoFaultLeftRunningContract {
    static final String SPEC = """
            name: contract
            faults: %s
            duration: 1m
            hypothesis:
              interval: 20s
              recoveryTimeout: 40s
              probes: [{name: errors, metric: error_rate, max: 1.0}]
            """;

    protected final SimulatedFleet given = new SimulatedFleet();

    /** The faults of the experiment, as YAML: ones this backend supports. */
    protected String faults() {
        return "[{latency: {ms: 50}}, {podKill: {count: 1}}]";
    }

    /** Puts back what a previous run used up (e.g. deleted pods no controller recreates in a mock). */
    protected void resetWorld() {
    }

    protected ExperimentSpec spec() {
        return SimulatedFleet.spec(SPEC.formatted(faults()));
    }

    /** The backend under test, fresh for each test. */
    protected abstract ChaosBackend backend();

    /**
     * The backend a restarted controller builds: a new object over the same durable state (a ledger, the
     * cluster). Defaults to {@link #backend()} for backends whose state is the simulated world itself.
     */
    protected ChaosBackend restartedBackend() {
        return backend();
    }

    /** Asserts, through the backend's own state (not the runner's), that no fault is in force. */
    protected abstract void assertNothingRunning() throws Exception;

    /** How many transitions (saves) an uninterrupted run makes. */
    private int savesOfAFullRun() throws Exception {
        resetWorld();
        CountingStore counting = new CountingStore(new InMemoryExperimentStore(), Integer.MAX_VALUE);
        given.runToEnd(runner(counting), "count", spec());
        return counting.saves;
    }

    protected ChaosRunner runner(ExperimentStore store) {
        return new ChaosRunner(backend(), given.fleet, (url, timeout) -> 200, given.clock, store);
    }

    protected ChaosRunner runnerAfterRestart(ExperimentStore store) {
        return new ChaosRunner(restartedBackend(), given.fleet, (url, timeout) -> 200, given.clock, store);
    }

    @Test
    void shouldLeaveNothingRunningWhenStoppedBetweenAnyTwoAdvances() throws Exception {
        ExperimentSpec spec = spec();
        for (int stopAfter = 0; stopAfter < 8; stopAfter++) {
            String id = "between-" + stopAfter;
            resetWorld();
            InMemoryExperimentStore store = new InMemoryExperimentStore();
            ChaosRunner runner = runner(store);
            ExperimentState s = runner.start(id, spec);
            for (int i = 0; i < stopAfter && !s.isDone(); i++) {
                s = runner.advance(id, spec);
                if (s.waitUntil() != null) {
                    given.clock.advanceTo(s.waitUntil());
                }
            }

            ExperimentState stopped = runnerAfterRestart(store).stop(id, "pipeline stopped");

            assertThat(stopped.isDone()).as("after %d advances", stopAfter).isTrue();
            assertThat(stopped.faultsMayBeActive()).isFalse();
            assertNothingRunning();
        }
    }

    @Test
    void shouldLeaveNothingRunningWhenTheControllerDiesAfterAnyTransition() throws Exception {
        ExperimentSpec spec = spec();
        int saves = savesOfAFullRun();
        assertThat(saves).isGreaterThan(5);
        for (int crashAt : IntStream.rangeClosed(1, saves).toArray()) {
            String id = "crash-" + crashAt;
            resetWorld();
            InMemoryExperimentStore durable = new InMemoryExperimentStore();
            CountingStore dying = new CountingStore(durable, crashAt);
            try {
                given.runToEnd(runner(dying), id, spec);
            } catch (ChaosException e) {
                // the controller died here; what it saved before is what a restarted one sees
            }

            List<String> halted = runnerAfterRestart(durable).haltAll("controller restarted: kill switch");

            // before the first save nothing was started, nor known to the store
            assertThat(halted).as("crash at save %d", crashAt).isEqualTo(crashAt == 1 ? List.of() : List.of(id));
            assertNothingRunning();
        }
    }

    @Test
    void shouldHaltEveryExperimentItStartedWithTheKillSwitch() throws Exception {
        ExperimentSpec spec = spec();
        resetWorld();
        InMemoryExperimentStore store = new InMemoryExperimentStore();
        ChaosRunner runner = runner(store);
        List<String> unfinished = new java.util.ArrayList<>();
        for (String id : List.of("one", "two")) {
            runner.start(id, spec);
            if (!runner.advance(id, spec).isDone()) {
                unfinished.add(id); // the second may fail on a backend where the first used its targets up
            }
        }

        assertThat(unfinished).contains("one");
        assertThat(runner.haltAll("kill switch")).containsExactlyInAnyOrderElementsOf(unfinished);

        assertNothingRunning();
        assertThat(runner.haltAll("again")).isEmpty();
        assertThat(runner.result("one").outcome()).isEqualTo(ChaosResult.Outcome.STOPPED);
    }

    /** Saves through to a store, and fails every save from the {@code crashAt}-th on (a dead controller). */
    static final class CountingStore implements ExperimentStore {
        private final ExperimentStore delegate;
        private final int crashAt;
        int saves;

        CountingStore(ExperimentStore delegate, int crashAt) {
            this.delegate = delegate;
            this.crashAt = crashAt;
        }

        @Override
        public void save(ExperimentState state) throws IOException {
            saves++;
            if (saves >= crashAt) {
                throw new IOException("controller died");
            }
            delegate.save(state);
        }

        @Override
        public Optional<ExperimentState> load(String experimentId) throws IOException {
            return delegate.load(experimentId);
        }

        @Override
        public List<String> ids() throws IOException {
            return delegate.ids();
        }
    }
}
