package io.devopssim.cli;

import io.devopssim.chaos.ChaosRunner;
import io.devopssim.chaos.InMemoryExperimentStore;
import io.devopssim.chaos.JdkHttpProber;
import io.devopssim.chaos.RolloutChaos;
import io.devopssim.chaos.sim.SimulatorBackend;
import io.devopssim.core.forecast.ModelForecasts;
import io.devopssim.core.gitops.GitCredentials;
import io.devopssim.core.gitops.Promoter;
import io.devopssim.core.history.RolloutHistory;
import io.devopssim.core.judge.AnalysisRunner;
import io.devopssim.core.sim.FleetSimulator;
import io.devopssim.core.spec.RolloutSpec;
import io.devopssim.core.state.RolloutPhase;
import io.devopssim.core.state.RolloutState;
import io.devopssim.core.state.StateStore;
import io.devopssim.core.time.SimulatedClock;
import io.devopssim.deploy.PreviewBench;
import io.devopssim.deploy.RolloutContext;
import io.devopssim.deploy.RolloutControl;
import io.devopssim.deploy.RolloutEngine;
import io.devopssim.deploy.RolloutEngines;
import io.devopssim.deploy.RolloutException;
import io.devopssim.deploy.RolloutListener;
import io.devopssim.deploy.SimulatedRun;
import io.devopssim.deploy.SimulatorAnalyses;
import io.devopssim.mlgate.forecast.XgboostLoadModel;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One rollout of any strategy on the embedded fleet, on simulated time, promoted through an environment
 * repository (the spec's, or a dry run's throwaway copy of it); its end is appended to the release history
 * the gate's model is trained on, when one is given.
 */
final class SimulatorRollout {
    private final Promoter promoter;
    private final StateStore store;
    private final RolloutHistory history;

    /** Keeps no history (a dry run). */
    SimulatorRollout(Promoter promoter, StateStore store) {
        this(promoter, store, RolloutHistory.NONE);
    }

    SimulatorRollout(Promoter promoter, StateStore store, RolloutHistory history) {
        this.promoter = promoter;
        this.store = store;
        this.history = history;
    }

    /** The result, with the simulator so a report can show the series the judge saw. */
    record Result(RolloutSpec spec, RolloutState state, FleetSimulator fleet) {
    }

    /** Runs until the rollout ends or pauses for approval. */
    Result run(RolloutSpec spec, Path specDir, String rolloutId, GitCredentials credentials, Instant start,
               RolloutListener listener) throws RolloutException {
        return run(spec, specDir, rolloutId, credentials, start, listener, false);
    }

    /**
     * @param specDir       what a relative {@code model} path is relative to; the spec's judge, and its model, is
     *                      built before the rollout starts (an unusable model is a ModelException then)
     * @param approvePauses go on past every pause until approved, as if a person approved it at once (a dry run)
     */
    Result run(RolloutSpec spec, Path specDir, String rolloutId, GitCredentials credentials, Instant start,
               RolloutListener listener, boolean approvePauses) throws RolloutException {
        try (SpecJudgeCache judges = new SpecJudgeCache(specDir)) {
            SimulatedClock clock = new SimulatedClock(start);
            FleetSimulator fleet = new FleetSimulator(spec.simulation(), clock);
            FleetSimulator preview = PreviewBench.create(spec.simulation(), clock);
            AnalysisRunner analysis = new AnalysisRunner(fleet, judges.apply(spec.analysis()));
            // chaos runs against the same simulated fleet: its faults change the canary's behaviour
            InMemoryExperimentStore experiments = new InMemoryExperimentStore();
            RolloutChaos chaos = new RolloutChaos(
                    new ChaosRunner(new SimulatorBackend(fleet), fleet, new JdkHttpProber(), clock, experiments), experiments);
            RolloutContext ctx = new RolloutContext(rolloutId, spec, fleet, analysis, promoter, credentials, store, clock,
                    listener, RolloutContext.RetryPolicy.DEFAULT, chaos)
                    .withAnalyses(new SimulatorAnalyses(fleet, preview, judges))
                    .withHistory(history)
                    // setCanaryScale: {forecast: ...}: the XGBoost model learns the fleet's own request-rate history
                    .withForecasts(new ModelForecasts(XgboostLoadModel.DEFAULT, fleet, clock));
            RolloutEngine engine = RolloutEngines.create(ctx);
            RolloutState s = SimulatedRun.toEnd(engine, clock);
            while (approvePauses && s.phase() == RolloutPhase.PAUSED) {
                RolloutState approved = new RolloutControl(store).approve(rolloutId, "the dry run", clock.now());
                listener.onEvent(approved, approved.events().get(approved.events().size() - 1));
                s = SimulatedRun.toEnd(engine, clock);
            }
            return new Result(spec, s, fleet);
        }
    }
}
