package io.devopssim.chaos.jenkins;

import hudson.model.Run;
import io.devopssim.chaos.ChaosRunner;
import io.devopssim.chaos.ExperimentSpec;
import io.devopssim.chaos.FileExperimentStore;
import io.devopssim.chaos.JdkHttpProber;
import io.devopssim.chaos.sim.SimulatorBackend;
import io.devopssim.core.sim.FleetSimulator;
import io.devopssim.core.spec.SimulationSpec;
import io.devopssim.core.time.Clock;
import org.jenkinsci.plugins.workflow.steps.StepContext;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Experiments on an embedded simulated fleet ({@link SimulationSpec#DEFAULT}) in real time: a dry run of the
 * experiment inside Jenkins. The Kubernetes and Gremlin backends need credentials configuration, which comes later.
 * One fleet per experiment id, kept for the controller's life, so a resumed experiment halts the faults it started.
 */
public final class SimulatorChaosRuntime implements ChaosRuntime {
    private final ChaosScheduler scheduler;
    private final Clock clock;
    private final Map<String, Fleet> fleets = new ConcurrentHashMap<>();

    private record Fleet(FleetSimulator fleet, SimulatorBackend backend) {
    }

    public SimulatorChaosRuntime(ChaosScheduler scheduler, Clock clock) {
        this.scheduler = scheduler;
        this.clock = clock;
    }

    @Override
    public ChaosScheduler scheduler() {
        return scheduler;
    }

    @Override
    public BuildRef build(StepContext context) throws IOException, InterruptedException {
        Run<?, ?> run = context.get(Run.class);
        return new BuildRef(run.getRootDir().toPath(), run.getExternalizableId());
    }

    @Override
    public ChaosRunner runner(String experimentId, ExperimentSpec spec, Path stateDir) {
        Fleet f = fleets.computeIfAbsent(experimentId, id -> {
            FleetSimulator fleet = new FleetSimulator(SimulationSpec.DEFAULT, clock);
            return new Fleet(fleet, new SimulatorBackend(fleet));
        });
        return new ChaosRunner(f.backend(), f.fleet(), new JdkHttpProber(), clock, new FileExperimentStore(stateDir));
    }
}
