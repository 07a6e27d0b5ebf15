package io.devopssim.chaos.sim;

import io.devopssim.core.chaos.ChaosBackend;
import io.devopssim.core.chaos.ChaosRequest;
import io.devopssim.core.chaos.FaultState;
import io.devopssim.core.chaos.FaultStatus;
import io.devopssim.core.sim.FleetSimulator;
import io.devopssim.core.spec.RegressionSpec;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Faults on the embedded fleet: they change the simulated canary's behaviour through
 * {@link FleetSimulator#setRegression}, as {@link FaultModel} describes, and a halt puts back the
 * regression the canary had before the first experiment. Several experiments may run at once; their
 * effects add up.
 *
 * <p>A ramp raises the faults' strength step by step, each time the runner observes them (every check
 * interval). The faults end by themselves at the end of their duration, noticed at the next call: the
 * dead man's switch a lost runner relies on. Thread-safe.
 */
public final class SimulatorBackend implements ChaosBackend {
    private final FleetSimulator fleet;
    private final FaultModel faults;
    private final Map<String, Running> running = new LinkedHashMap<>();
    private final Map<String, FaultState> ended = new LinkedHashMap<>();
    /** The canary's own regression, from before any experiment; null while none runs. */
    private RegressionSpec original;

    private record Running(ChaosRequest request, Instant startedAt) {
    }

    public SimulatorBackend(FleetSimulator fleet) {
        this.fleet = fleet;
        this.faults = new FaultModel(fleet.spec(), fleet.model());
    }

    @Override
    public String name() {
        return "simulator";
    }

    @Override
    public synchronized void start(ChaosRequest request) {
        String id = request.experimentId();
        if (running.containsKey(id) || ended.containsKey(id)) {
            return; // idempotent: a repeated start after a resume must not inject twice
        }
        if (running.isEmpty()) {
            original = fleet.regression();
        }
        running.put(id, new Running(request, fleet.clock().now()));
        apply();
    }

    @Override
    public synchronized FaultStatus observe(String experimentId) {
        expire();
        apply();
        if (running.containsKey(experimentId)) {
            return new FaultStatus(FaultState.ACTIVE, "canary regression " + fleet.regression());
        }
        FaultState state = ended.getOrDefault(experimentId, FaultState.UNKNOWN);
        return new FaultStatus(state, state == FaultState.UNKNOWN ? "never started here" : "canary restored");
    }

    @Override
    public synchronized void halt(String experimentId) {
        if (running.remove(experimentId) != null) {
            ended.put(experimentId, FaultState.HALTED);
            apply();
        }
    }

    /** Experiments whose faults are in force now. */
    public synchronized Set<String> active() {
        expire();
        apply();
        return Set.copyOf(running.keySet());
    }

    private void expire() {
        Instant now = fleet.clock().now();
        running.entrySet().removeIf(e -> {
            boolean over = !now.isBefore(e.getValue().startedAt().plus(e.getValue().request().duration()));
            if (over) {
                ended.put(e.getKey(), FaultState.COMPLETED);
            }
            return over;
        });
    }

    /** Sets the canary's regression to the original plus every running experiment at its current strength. */
    private void apply() {
        if (original == null) {
            return;
        }
        RegressionSpec regression = original;
        Instant now = fleet.clock().now();
        for (Running r : running.values()) {
            regression = faults.apply(regression, r.request().target(), r.request().faults(), fleet.canaryWeight(),
                    intensity(r, now));
        }
        fleet.setRegression(regression);
        if (running.isEmpty()) {
            original = null;
        }
    }

    private static double intensity(Running r, Instant now) {
        Duration ramp = r.request().ramp();
        if (ramp.isZero()) {
            return 1;
        }
        double elapsed = Duration.between(r.startedAt(), now).toMillis();
        return Math.max(0.01, Math.min(1, elapsed / ramp.toMillis()));
    }
}
