package io.devopssim.chaos.jenkins;

import io.devopssim.core.time.Scheduler;
import io.devopssim.chaos.ChaosRunner;
import io.devopssim.chaos.FileExperimentStore;
import io.devopssim.chaos.JdkHttpProber;
import io.devopssim.chaos.sim.SimulatorBackend;
import io.devopssim.core.sim.FleetSimulator;
import io.devopssim.core.spec.SimulationSpec;
import io.devopssim.core.time.Clock;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Experiments on an embedded simulated fleet ({@link SimulationSpec#DEFAULT}) in real time: a dry run of the
 * experiment inside Jenkins, the step's default backend. One fleet per experiment id, kept until the experiment is
 * over, so a resumed experiment halts the faults it started.
 */
public final class SimulatorChaosRuntime implements ChaosRuntime {
    private final Scheduler scheduler;
    private final Clock clock;
    private final BuildAccess builds;
    private final Map<String, Fleet> fleets = new ConcurrentHashMap<>();

    private record Fleet(FleetSimulator fleet, SimulatorBackend backend) {
    }

    public SimulatorChaosRuntime(Scheduler scheduler, Clock clock, BuildAccess builds) {
        this.scheduler = scheduler;
        this.clock = clock;
        this.builds = builds;
    }

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
        Fleet f = fleets.computeIfAbsent(request.experimentId(), id -> {
            FleetSimulator fleet = new FleetSimulator(SimulationSpec.DEFAULT, clock);
            return new Fleet(fleet, new SimulatorBackend(fleet));
        });
        return new ChaosRunner(f.backend(), f.fleet(), new JdkHttpProber(), clock, new FileExperimentStore(request.stateDir()));
    }

    @Override
    public void release(String experimentId) {
        fleets.remove(experimentId);
    }
}
