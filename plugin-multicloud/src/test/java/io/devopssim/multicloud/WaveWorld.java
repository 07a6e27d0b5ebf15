package io.devopssim.multicloud;

import io.devopssim.core.gitops.GitCredentials;
import io.devopssim.core.gitops.GitPromoter;
import io.devopssim.core.gitops.PromoterOptions;
import io.devopssim.core.judge.ThresholdJudge;
import io.devopssim.core.sim.FleetModel;
import io.devopssim.core.state.FileStateStore;
import io.devopssim.core.state.RolloutEvent;
import io.devopssim.core.state.StateStore;
import io.devopssim.core.time.SimulatedClock;
import io.devopssim.deploy.DeploymentVerifier;
import io.devopssim.deploy.RolloutContext;
import io.devopssim.deploy.RolloutException;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Everything a wave plan runs against in the tests: simulated time, simulated fleets (one per cluster, outliving
 * any engine), the environment repository, a health check (simulated, or the real one against mock API servers),
 * state stores on disk, and a listener that keeps every line and lets a test act on an event (break a cluster
 * mid-wave).
 */
final class WaveWorld implements AutoCloseable {
    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    static final RolloutContext.RetryPolicy RETRY = new RolloutContext.RetryPolicy(2, Duration.ofSeconds(15));

    final SimulatedClock clock = new SimulatedClock(T0);
    final SimulatedFleets fleets = new SimulatedFleets(clock);
    final EnvRepo repo;
    final GitCredentials git;
    final ClusterRegistry registry;
    final WavePlan plan;
    final GitPromoter promoter;
    final Path stateDir;
    final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    ClusterHealthCheck health;
    /** Forecasts the clusters' load for sizing: the daily profile unless a test sets another. */
    LoadForecaster forecaster;
    /** Each cluster's deployment verifier (its Argo CD); none by default: the commit is trusted. */
    Function<Cluster, DeploymentVerifier> verifiers = c -> DeploymentVerifier.NONE;
    /** Called with (cluster, message) for every event of a cluster's rollout, and (null, message) for the plan's. */
    BiConsumer<String, String> onEvent = (cluster, message) -> { };

    WaveWorld(Path dir, EnvRepo repo, GitCredentials git, ClusterRegistry registry, String planYaml) throws Exception {
        this.repo = repo;
        this.git = git;
        this.registry = registry;
        this.plan = new WavePlanReader().read(planYaml.replace("${repo}", repo.url()), registry);
        this.promoter = new GitPromoter(PromoterOptions.defaults().withWorkRoot(dir.resolve("clones")));
        this.stateDir = dir.resolve("state");
        this.health = new SimulatedClusterHealth(plan.simulation(), T0, clock);
        Map<String, Double> load = new LinkedHashMap<>();
        plan.simulation().forEach((c, s) -> load.put(c, s.fleet().requestsPerSecond()));
        this.forecaster = new DiurnalLoadForecaster(load, FleetModel.DEFAULT.diurnalAmplitude());
    }

    WaveEngine engine() {
        return engine(new FileStateStore(stateDir.resolve("rollouts")), new FileWaveStateStore(stateDir.resolve("plans")));
    }

    WaveEngine engine(StateStore rollouts, WaveStateStore plans) {
        SimulatedClusterRollouts clusterRollouts = new SimulatedClusterRollouts(fleets, ThresholdJudge::new,
                verifiers, promoter, git, rollouts, clock, RETRY);
        TrafficWeights weights = plan.traffic() == null ? null
                : new GitTrafficWeights(promoter, plan.gitops().repoUrl(), plan.gitops().branch(), plan.traffic(), git);
        return new WaveEngine(new WaveContext("checkout-1.5.0", plan, registry, clusterRollouts, c -> health.check(c),
                promoter, git, weights, forecaster, plans, clock,
                new WaveListener() {
                    @Override
                    public void onWaveEvent(WaveRunState state, WaveEvent event) {
                        lines.add("[plan] " + event.message());
                        onEvent.accept(null, event.message());
                    }

                    @Override
                    public void onClusterEvent(String wave, String cluster, RolloutEvent event) {
                        lines.add("[" + wave + " " + cluster + "] " + event.message());
                        onEvent.accept(cluster, event.message());
                    }
                }, RETRY));
    }

    WaveRunState run() throws RolloutException {
        return SimulatedWaves.toEnd(engine(), clock);
    }

    static ClusterRegistry simulatedRegistry(List<String> names) throws Exception {
        List<ClusterFields> fields = new ArrayList<>();
        for (String name : names) {
            String cloud = name.substring(0, name.indexOf('-'));
            cloud = cloud.equals("do") ? "doks" : cloud;
            fields.add(new ClusterFields(name, cloud, name.substring(name.indexOf('-') + 1), Map.of(),
                    "https://" + name + ".k8s.example", null, null, name + "-token", null, null, List.of(), "clusters/" + name));
        }
        return ClusterValidation.registry(fields, "clusters");
    }

    @Override
    public void close() {
        promoter.close();
    }
}
