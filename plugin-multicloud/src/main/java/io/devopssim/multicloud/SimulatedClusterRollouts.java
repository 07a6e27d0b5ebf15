package io.devopssim.multicloud;

import io.devopssim.core.chaos.ChaosExperiments;
import io.devopssim.core.gitops.GitCredentials;
import io.devopssim.core.gitops.Promoter;
import io.devopssim.core.judge.AnalysisRunner;
import io.devopssim.core.judge.Judge;
import io.devopssim.core.sim.FleetSimulator;
import io.devopssim.core.spec.AnalysisSpec;
import io.devopssim.core.spec.RolloutSpec;
import io.devopssim.core.state.StateStore;
import io.devopssim.core.time.Clock;
import io.devopssim.deploy.DeploymentVerifier;
import io.devopssim.deploy.RolloutContext;
import io.devopssim.deploy.RolloutEngine;
import io.devopssim.deploy.RolloutEngines;
import io.devopssim.deploy.RolloutListener;
import io.devopssim.deploy.SimulatorAnalyses;

import java.util.function.Function;

/**
 * Each cluster's rollout is plugin-deploy's engine for the wave's strategy (canary, blue-green, hybrid, rolling),
 * routed and measured on the cluster's simulated fleet (as {@code canaryRollout} runs until the cluster routers are
 * selectable from a spec), promoted through the real environment repository, and confirmed by the cluster's
 * deployment verifier (its Argo CD, or none).
 */
public final class SimulatedClusterRollouts implements ClusterRollouts {
    private final SimulatedFleets fleets;
    private final Function<AnalysisSpec, Judge> judges;
    private final Function<Cluster, DeploymentVerifier> verifiers;
    private final Promoter promoter;
    private final GitCredentials credentials;
    private final StateStore store;
    private final Clock clock;
    private final RolloutContext.RetryPolicy retry;

    /**
     * @param judges    the judge of a wave's gate (threshold, or plugin-ml-gate's judges where available)
     * @param verifiers the deployment verifier of each cluster ({@code c -> DeploymentVerifier.NONE} to trust commits)
     */
    public SimulatedClusterRollouts(SimulatedFleets fleets, Function<AnalysisSpec, Judge> judges,
                                    Function<Cluster, DeploymentVerifier> verifiers, Promoter promoter,
                                    GitCredentials credentials, StateStore store, Clock clock, RolloutContext.RetryPolicy retry) {
        this.fleets = fleets;
        this.judges = judges;
        this.verifiers = verifiers;
        this.promoter = promoter;
        this.credentials = credentials;
        this.store = store;
        this.clock = clock;
        this.retry = retry;
    }

    @Override
    public RolloutEngine open(Cluster cluster, String rolloutId, RolloutSpec spec, RolloutListener listener) {
        FleetSimulator fleet = fleets.fleet(cluster.name(), spec.simulation());
        FleetSimulator preview = fleets.preview(cluster.name(), spec.simulation());
        RolloutContext ctx = new RolloutContext(rolloutId, spec, fleet, new AnalysisRunner(fleet, judges.apply(spec.analysis())),
                promoter, credentials, store, clock, listener, retry, ChaosExperiments.NONE, verifiers.apply(cluster))
                .withAnalyses(new SimulatorAnalyses(fleet, preview, judges));
        return RolloutEngines.create(ctx);
    }
}
