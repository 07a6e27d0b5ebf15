package io.devopssim.cli;

import io.devopssim.chaos.ChaosRunner;
import io.devopssim.chaos.FileExperimentStore;
import io.devopssim.chaos.JdkHttpProber;
import io.devopssim.chaos.RolloutChaos;
import io.devopssim.chaos.sim.SimulatorBackend;
import io.devopssim.core.gitops.GitCredentials;
import io.devopssim.core.gitops.GitPromoter;
import io.devopssim.core.gitops.PromoterOptions;
import io.devopssim.core.sim.FleetModel;
import io.devopssim.core.spec.InvalidSpecException;
import io.devopssim.core.state.FileStateStore;
import io.devopssim.core.time.SimulatedClock;
import io.devopssim.deploy.DeploymentVerifier;
import io.devopssim.deploy.RolloutContext;
import io.devopssim.deploy.RolloutException;
import io.devopssim.multicloud.ClusterChaos;
import io.devopssim.mlgate.SpecJudges;
import io.devopssim.multicloud.SimulatedClusterRollouts;
import io.devopssim.multicloud.ClusterRegistry;
import io.devopssim.multicloud.ClusterRegistryReader;
import io.devopssim.multicloud.DiurnalLoadForecaster;
import io.devopssim.mlgate.forecast.XgboostLoadModel;
import io.devopssim.multicloud.FileWaveStateStore;
import io.devopssim.multicloud.LoadForecaster;
import io.devopssim.multicloud.ModelLoadForecaster;
import io.devopssim.multicloud.GitTrafficWeights;
import io.devopssim.multicloud.PlanPhase;
import io.devopssim.multicloud.SimulatedClusterHealth;
import io.devopssim.multicloud.SimulatedFleets;
import io.devopssim.multicloud.SimulatedWaves;
import io.devopssim.multicloud.WaveContext;
import io.devopssim.multicloud.WaveEngine;
import io.devopssim.multicloud.WavePlan;
import io.devopssim.multicloud.WavePlanReader;
import io.devopssim.multicloud.WaveRunState;
import io.devopssim.multicloud.WaveSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Runs a wave plan against simulated clusters (one simulated fleet per cluster), committing to the environment
 * repository the plan names, on simulated time.
 */
@Command(name = "waves", mixinStandardHelpOptions = true,
        description = {"Roll one release out across clusters in gated waves, with failover, on simulated clusters.",
                "Each cluster of the registry is simulated; every decision is a commit to the plan's environment repository.",
                "A wave whose rollouts pause until approved (pause: {}) waits for one approval: rerun with --id and --approve.",
                "Exit code: 0 every wave passed, 1 a wave was rolled back (or the plan could not finish), 2 bad input,"
                        + " 3 a wave waits for approval."})
final class WavesCommand implements Callable<Integer> {
    @Option(names = {"-f", "--file"}, required = true, description = "wave plan (YAML)")
    Path file;

    @Option(names = "--clusters", description = "cluster registry (YAML; default: clusters.yaml beside the plan)")
    Path clusters;

    @Option(names = "--id", description = "plan id (default: <app>-<tag>); rerun with the same id to resume")
    String id;

    @Option(names = "--state-dir", defaultValue = ".devsim/state", description = "where plan and rollout state is kept (default: ${DEFAULT-VALUE})")
    Path stateDir;

    @Option(names = "--start", description = "simulated start time, ISO-8601 (default: now)")
    Instant start;

    @Option(names = "--forecaster", defaultValue = "diurnal", paramLabel = "diurnal|xgboost",
            description = {"what sizes each cluster of a plan with replicas: (default: ${DEFAULT-VALUE})",
                    "diurnal: the daily profile around the cluster's mean rate;",
                    "xgboost: plugin-ml-gate's model, learnt from a week of the cluster's own request rate"})
    String forecaster;

    @Option(names = "--approve", description = "approve the wave the plan (--id) waits on, then go on")
    boolean approve;

    @Option(names = "--by", defaultValue = "${sys:user.name}", description = "who approves (default: your user name)")
    String by;

    @Option(names = "--abort", paramLabel = "REASON", description = "roll the running wave of the plan (--id) back, then stop")
    String abort;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = command.commandLine().getOut();
        if (!forecaster.equals("diurnal") && !forecaster.equals("xgboost")) {
            throw new UserError("--forecaster must be diurnal or xgboost, not " + forecaster);
        }
        Path registryFile = clusters != null ? clusters : file.toAbsolutePath().resolveSibling("clusters.yaml");
        if (!Files.isRegularFile(file)) {
            throw new UserError("plan file " + file + " does not exist");
        }
        if (!Files.isRegularFile(registryFile)) {
            throw new UserError("cluster registry " + registryFile + " does not exist (give it with --clusters)");
        }
        ClusterRegistry registry;
        try {
            registry = new ClusterRegistryReader().read(registryFile);
        } catch (InvalidSpecException e) {
            throw new UserError(registryFile + " is not a valid cluster registry:\n" + e.getMessage(), e);
        }
        WavePlan plan;
        try {
            plan = new WavePlanReader().read(file, registry);
        } catch (InvalidSpecException e) {
            throw new UserError(file + " is not a valid wave plan:\n" + e.getMessage(), e);
        }
        String planId = id != null ? id : plan.app() + "-" + plan.image().tag();
        GitCredentials credentials = Credentials.from(plan.gitops().credentials(), System.getenv());
        FileWaveStateStore plans = new FileWaveStateStore(stateDir.resolve("plans"));
        // a resumed plan keeps its own start: its clusters' simulated outages are timed from it
        Instant planStart = plans.load(planId).map(WaveRunState::startedAt).orElse(start != null ? start : Instant.now());
        SimulatedClock clock = new SimulatedClock(planStart);
        WaveProgress progress = new WaveProgress(o);
        WaveRunState end;
        try (GitPromoter promoter = new GitPromoter(PromoterOptions.defaults())) {
            SimulatedClusterRollouts rollouts = new SimulatedClusterRollouts(new SimulatedFleets(clock), SpecJudges::forSpec,
                    cluster -> DeploymentVerifier.NONE, promoter, credentials, new FileStateStore(stateDir.resolve("rollouts")),
                    clock, RolloutContext.RetryPolicy.DEFAULT, waveChaos(clock));
            GitTrafficWeights weights = plan.traffic() == null ? null : new GitTrafficWeights(promoter,
                    plan.gitops().repoUrl(), plan.gitops().branch(), plan.traffic(), credentials);
            WaveContext ctx = new WaveContext(planId, plan, registry, rollouts,
                    new SimulatedClusterHealth(plan.simulation(), planStart, clock), promoter, credentials, weights,
                    loadForecaster(plan, clock), plans, clock, progress,
                    RolloutContext.RetryPolicy.DEFAULT);
            WaveEngine engine = new WaveEngine(ctx);
            try {
                if (approve || abort != null) {
                    if (plans.load(planId).isEmpty()) {
                        throw new UserError("plan " + planId + " was never started in " + stateDir + ": nothing to "
                                + (approve ? "approve" : "abort"));
                    }
                    WaveRunState saved = engine.start();
                    // the decision is taken when the plan's own timeline stopped
                    clock.advanceTo(saved.events().get(saved.events().size() - 1).time());
                    if (abort != null) {
                        engine.abort(abort);
                    } else {
                        engine.approve(by);
                    }
                }
                end = SimulatedWaves.toEnd(engine, clock);
            } catch (RolloutException e) {
                throw new UserError(e.getMessage(), e);
            }
        }
        if (end.phase() == PlanPhase.PAUSED) {
            o.println();
            o.print(WaveSummary.of(end).table());
            o.println("=> PAUSED for approval: devsim waves -f " + file + " --id " + planId + " --approve (or --abort REASON)");
            return Devsim.EXIT_PAUSED;
        }
        o.println();
        o.print(WaveSummary.of(end).table());
        o.println("=> " + end.phase() + (end.outcome() == null ? "" : ": " + end.outcome()));
        return end.phase() == PlanPhase.SUCCEEDED ? 0 : Devsim.EXIT_NOT_PROMOTED;
    }

    /** The {@code --forecaster}: XGBoost over each simulated cluster's own history, or the daily profile. */
    private LoadForecaster loadForecaster(WavePlan plan, SimulatedClock clock) {
        if (forecaster.equals("xgboost")) {
            return new ModelLoadForecaster(XgboostLoadModel.DEFAULT, ModelLoadForecaster.simulated(plan, clock));
        }
        Map<String, Double> load = new LinkedHashMap<>();
        plan.simulation().forEach((cluster, sim) -> load.put(cluster, sim.fleet().requestsPerSecond()));
        return new DiurnalLoadForecaster(load, FleetModel.DEFAULT.diurnalAmplitude());
    }

    /** Each cluster's chaos steps run on its simulated fleet, their state kept beside the plan's (a resume continues them). */
    private ClusterChaos waveChaos(SimulatedClock clock) {
        FileExperimentStore experiments = new FileExperimentStore(stateDir.resolve("chaos"));
        return (cluster, fleet) -> new RolloutChaos(new ChaosRunner(new SimulatorBackend(fleet), fleet, new JdkHttpProber(),
                clock, experiments), experiments);
    }
}
