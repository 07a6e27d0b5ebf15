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
import io.devopssim.core.spec.InvalidSpecException;
import io.devopssim.core.spec.StepSpec;
import io.devopssim.core.state.RolloutPhase;
import io.devopssim.core.state.RolloutState;
import io.devopssim.deploy.RolloutContext;
import io.devopssim.deploy.RolloutControl;
import io.devopssim.deploy.RolloutException;
import io.devopssim.deploy.RolloutEngine;
import io.devopssim.deploy.RolloutEngines;
import io.devopssim.deploy.RolloutListener;
import io.devopssim.deploy.SimulatorAnalyses;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
    private final ClusterChaos chaos;

    /**
     * @param judges    the judge of a wave's gate (threshold, or plugin-ml-gate's judges where available)
     * @param verifiers the deployment verifier of each cluster ({@code c -> DeploymentVerifier.NONE} to trust commits)
     */
    public SimulatedClusterRollouts(SimulatedFleets fleets, Function<AnalysisSpec, Judge> judges,
                                    Function<Cluster, DeploymentVerifier> verifiers, Promoter promoter,
                                    GitCredentials credentials, StateStore store, Clock clock, RolloutContext.RetryPolicy retry) {
        this(fleets, judges, verifiers, promoter, credentials, store, clock, retry, ClusterChaos.NONE);
    }

    /** @param chaos runs each cluster's chaos steps against its simulated fleet ({@link ClusterChaos#NONE} refuses them) */
    public SimulatedClusterRollouts(SimulatedFleets fleets, Function<AnalysisSpec, Judge> judges,
                                    Function<Cluster, DeploymentVerifier> verifiers, Promoter promoter,
                                    GitCredentials credentials, StateStore store, Clock clock, RolloutContext.RetryPolicy retry,
                                    ClusterChaos chaos) {
        this.chaos = chaos;
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
                promoter, credentials, store, clock, listener, retry, chaos.experiments(cluster, fleet), verifiers.apply(cluster))
                .withAnalyses(new SimulatorAnalyses(fleet, preview, judges));
        return RolloutEngines.create(ctx);
    }

    /** Every chaos experiment of the rollout, checked by the cluster's chaos engine, all problems at once. */
    @Override
    public void check(Cluster cluster, String path, RolloutSpec spec) throws RolloutException {
        List<String> problems = new ArrayList<>();
        ChaosExperiments experiments = null;
        for (int i = 0; i < spec.steps().size(); i++) {
            if (spec.steps().get(i) instanceof StepSpec.Chaos c) {
                experiments = experiments != null ? experiments
                        : chaos.experiments(cluster, new FleetSimulator(spec.simulation(), clock)); // only to validate: the
                // cluster's own fleet is made when its rollout opens, sized by its wave
                try {
                    experiments.validate(path + ".steps[" + i + "].chaos", c.experiment());
                } catch (InvalidSpecException e) {
                    problems.add(e.getMessage());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new RolloutException("cannot run the chaos steps in " + cluster.name() + ":\n" + String.join("\n", problems));
        }
    }

    @Override
    public void approve(String rolloutId, String who, Instant now) throws RolloutException {
        Optional<RolloutState> s;
        try {
            s = store.load(rolloutId);
        } catch (IOException e) {
            throw new RolloutException("cannot read the state of rollout " + rolloutId + ": " + e.getMessage(), e);
        }
        if (s.isPresent() && s.get().phase() == RolloutPhase.PAUSED) {
            new RolloutControl(store).approve(rolloutId, who, now);
        }
    }
}
