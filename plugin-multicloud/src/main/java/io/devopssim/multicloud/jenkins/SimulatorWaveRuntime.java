package io.devopssim.multicloud.jenkins;

import hudson.ExtensionList;
import io.devopssim.core.gitops.GitCredentials;
import io.devopssim.core.gitops.GitPromoter;
import io.devopssim.core.gitops.PromoterOptions;
import io.devopssim.core.judge.ThresholdJudge;
import io.devopssim.core.sim.FleetModel;
import io.devopssim.core.spec.InvalidSpecException;
import io.devopssim.core.state.FileStateStore;
import io.devopssim.core.time.Clock;
import io.devopssim.core.time.ExecutorScheduler;
import io.devopssim.deploy.RolloutContext;
import io.devopssim.deploy.jenkins.ForecasterProvider;
import io.devopssim.deploy.jenkins.ForecasterProviders;
import io.devopssim.core.time.Scheduler;
import io.devopssim.multicloud.ClusterArgoCdSync;
import io.devopssim.multicloud.SimulatedClusterRollouts;
import io.devopssim.multicloud.ClusterClientFactory;
import io.devopssim.multicloud.ClusterClients;
import io.devopssim.multicloud.ClusterHealthCheck;
import io.devopssim.multicloud.ClusterRegistry;
import io.devopssim.multicloud.CredentialResolver;
import io.devopssim.multicloud.DiurnalLoadForecaster;
import io.devopssim.multicloud.LoadForecaster;
import io.devopssim.multicloud.ModelLoadForecaster;
import io.devopssim.multicloud.FileWaveStateStore;
import io.devopssim.multicloud.GitTrafficWeights;
import io.devopssim.multicloud.KubernetesClusterHealth;
import io.devopssim.multicloud.SimulatedFleets;
import io.devopssim.multicloud.WaveContext;
import io.devopssim.multicloud.WaveEngine;
import io.devopssim.multicloud.WaveListener;
import io.devopssim.multicloud.WavePlan;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;

/**
 * Waves as {@code canaryRollout} runs today: each cluster's canary on a simulated fleet in real time (until the
 * cluster routers are selectable from a spec), promoted and rolled back through the real environment
 * repository, while the clusters' health is the real one: their API servers, nodes and Argo CD Applications,
 * with the registry's credentials. A cluster counts as promoted only once its Argo CD Applications are Synced and
 * Healthy at its promotion commit ({@link ClusterArgoCdSync}), so the next wave waits for Argo CD.
 */
public final class SimulatorWaveRuntime implements WaveRuntime {
    /** How long each cluster's Argo CD Applications may take to be Synced and Healthy at its promotion commit. */
    static final Duration ARGO_CD_TIMEOUT = Duration.ofMinutes(10);

    private final Scheduler scheduler;
    private final ExecutorService checks;
    private final Clock clock;
    private final GitPromoter promoter;
    private final RegistrySource registrySource;
    private final BuildAccess builds;
    private final CredentialsAccess credentials;
    private final ClusterClientFactory clientFactory;
    private final ForecasterProviders forecasters;
    private final WavePauses pauses = new WavePauses();

    /** @param registry reads the registry at the time of each call: the global configuration can change between builds */
    SimulatorWaveRuntime(Scheduler scheduler, ExecutorService checks, Clock clock, GitPromoter promoter,
                         RegistrySource registry, BuildAccess builds, CredentialsAccess credentials,
                         ClusterClientFactory clientFactory) {
        this(scheduler, checks, clock, promoter, registry, builds, credentials, clientFactory, ForecasterProviders.NONE);
    }

    /**
     * @param forecasters the load forecaster that sizes the waves when a plugin provides one (devsim-ml-gate); without
     *                    one, the daily profile around each simulated cluster's mean rate
     */
    SimulatorWaveRuntime(Scheduler scheduler, ExecutorService checks, Clock clock, GitPromoter promoter,
                         RegistrySource registry, BuildAccess builds, CredentialsAccess credentials,
                         ClusterClientFactory clientFactory, ForecasterProviders forecasters) {
        this.forecasters = forecasters;
        this.scheduler = scheduler;
        this.checks = checks;
        this.clock = clock;
        this.promoter = promoter;
        this.registrySource = registry;
        this.builds = builds;
        this.credentials = credentials;
        this.clientFactory = clientFactory;
    }

    /**
     * The controller's runtime: a small scheduled pool that fires every plan's transitions, a small pool for health
     * checks (daemon threads, so they never hold the controller up), real time, one promoter for every plan.
     */
    static SimulatorWaveRuntime create() {
        ScheduledExecutorService pool = Executors.newScheduledThreadPool(2, daemon("devsim waves scheduler"));
        ExecutorService checks = Executors.newFixedThreadPool(2, daemon("devsim cluster health"));
        return new SimulatorWaveRuntime(new ExecutorScheduler(pool, Clock.system()), checks, Clock.system(),
                new GitPromoter(PromoterOptions.defaults()), () -> MultiCloudConfiguration.get().registry(),
                new RunBuildAccess(), new JenkinsCredentialsAccess(), new ClusterClientFactory(),
                new ForecasterProviders(ExtensionList.lookup(ForecasterProvider.class))); // live: a plugin installed later counts
    }

    private static ThreadFactory daemon(String name) {
        return task -> {
            Thread t = new Thread(task, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** The registry, read when needed. */
    @FunctionalInterface
    interface RegistrySource {
        ClusterRegistry read() throws InvalidSpecException;
    }

    @Override
    public Scheduler scheduler() {
        return scheduler;
    }

    @Override
    public ExecutorService checks() {
        return checks;
    }

    @Override
    public ClusterRegistry registry() throws InvalidSpecException {
        return registrySource.read();
    }

    @Override
    public BuildAccess builds() {
        return builds;
    }

    @Override
    public CredentialsAccess credentials() {
        return credentials;
    }

    @Override
    public ClusterClients clients(CredentialResolver resolver) {
        return new ClusterClients(clientFactory, resolver);
    }

    @Override
    public WavePauses pauses() {
        return pauses;
    }

    @Override
    public ClusterHealthCheck health(ClusterClients clients) {
        return new KubernetesClusterHealth(clients, clock);
    }

    @Override
    public WaveEngine engine(String planId, WavePlan plan, ClusterRegistry registry, GitCredentials git,
                             ClusterClients clients, Path stateDir, WaveListener listener) {
        List<String> refusals = JenkinsWaveLimits.refusals(plan);
        if (!refusals.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", refusals));
        }
        SimulatedClusterRollouts rollouts = new SimulatedClusterRollouts(new SimulatedFleets(clock), ThresholdJudge::new,
                ClusterArgoCdSync.verifiers(clients, ARGO_CD_TIMEOUT, clock), promoter, git, new FileStateStore(stateDir.resolve("rollouts")), clock,
                RolloutContext.RetryPolicy.DEFAULT);
        GitTrafficWeights weights = plan.traffic() == null ? null
                : new GitTrafficWeights(promoter, plan.gitops().repoUrl(), plan.gitops().branch(), plan.traffic(), git);
        return new WaveEngine(new WaveContext(planId, plan, registry, rollouts, health(clients), promoter, git, weights,
                forecaster(plan), new FileWaveStateStore(stateDir.resolve("plans")), clock, listener, RolloutContext.RetryPolicy.DEFAULT));
    }

    /** The provided model over each cluster's simulated fleet, or the daily profile when no plugin provides one. */
    private LoadForecaster forecaster(WavePlan plan) {
        Map<String, Double> load = new LinkedHashMap<>();
        plan.simulation().forEach((cluster, sim) -> load.put(cluster, sim.fleet().requestsPerSecond()));
        return forecasters.model().<LoadForecaster>map(m -> new ModelLoadForecaster(m, ModelLoadForecaster.simulated(plan, clock)))
                .orElseGet(() -> new DiurnalLoadForecaster(load, FleetModel.DEFAULT.diurnalAmplitude()));
    }
}
