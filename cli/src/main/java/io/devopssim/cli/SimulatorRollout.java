package io.devopssim.cli;

import io.devopssim.chaos.ChaosRunner;
import io.devopssim.chaos.InMemoryExperimentStore;
import io.devopssim.chaos.JdkHttpProber;
import io.devopssim.chaos.RolloutChaos;
import io.devopssim.chaos.sim.SimulatorBackend;
import io.devopssim.core.gitops.GitCredentials;
import io.devopssim.core.gitops.Promoter;
import io.devopssim.core.history.RolloutHistory;
import io.devopssim.core.judge.AnalysisRunner;
import io.devopssim.core.sim.FleetSimulator;
import io.devopssim.core.spec.RolloutSpec;
import io.devopssim.core.state.RolloutState;
import io.devopssim.core.state.StateStore;
import io.devopssim.core.time.SimulatedClock;
import io.devopssim.deploy.CanaryEngine;
import io.devopssim.deploy.DeploymentVerifier;
import io.devopssim.deploy.RolloutContext;
import io.devopssim.deploy.RolloutException;
import io.devopssim.deploy.RolloutListener;
import io.devopssim.deploy.SimulatedRun;
import io.devopssim.mlgate.SpecJudge;
import io.devopssim.mlgate.SpecJudges;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One canary on the embedded fleet, on simulated time, promoted through the real environment repository;
 * its end is appended to the release history the gate's model is trained on.
 */
final class SimulatorRollout {
    private final Promoter promoter;
    private final StateStore store;
    private final RolloutHistory history;

    SimulatorRollout(Promoter promoter, StateStore store, RolloutHistory history) {
        this.promoter = promoter;
        this.store = store;
        this.history = history;
    }

    /** The result, with the simulator so a report can show the series the judge saw. */
    record Result(RolloutSpec spec, RolloutState state, FleetSimulator fleet) {
    }

    /**
     * @param specDir what a relative {@code analysis.model} path is relative to; the model is loaded (and an
     *                unusable one refused with a ModelException) before the rollout starts
     */
    Result run(RolloutSpec spec, Path specDir, String rolloutId, GitCredentials credentials, Instant start,
               RolloutListener listener) throws RolloutException {
        try (SpecJudge judge = SpecJudges.forSpec(spec.analysis(), specDir)) {
            SimulatedClock clock = new SimulatedClock(start);
            FleetSimulator fleet = new FleetSimulator(spec.simulation(), clock);
            AnalysisRunner analysis = new AnalysisRunner(fleet, judge);
            // chaos runs against the same simulated fleet: its faults change the canary's behaviour
            InMemoryExperimentStore experiments = new InMemoryExperimentStore();
            RolloutChaos chaos = new RolloutChaos(
                    new ChaosRunner(new SimulatorBackend(fleet), fleet, new JdkHttpProber(), clock, experiments), experiments);
            RolloutContext ctx = new RolloutContext(rolloutId, spec, fleet, analysis, promoter, credentials, store, clock,
                    listener, RolloutContext.RetryPolicy.DEFAULT, chaos, DeploymentVerifier.NONE, history);
            return new Result(spec, SimulatedRun.toEnd(new CanaryEngine(ctx), clock), fleet);
        }
    }
}
