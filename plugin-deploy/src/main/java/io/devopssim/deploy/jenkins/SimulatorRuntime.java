package io.devopssim.deploy.jenkins;

import hudson.FilePath;
import hudson.model.Run;
import io.devopssim.core.gitops.GitCredentials;
import io.devopssim.core.gitops.GitPromoter;
import io.devopssim.core.sim.FleetSimulator;
import io.devopssim.core.spec.RolloutSpec;
import io.devopssim.core.state.FileStateStore;
import io.devopssim.core.time.Clock;
import io.devopssim.deploy.PreviewBench;
import io.devopssim.deploy.RolloutContext;
import io.devopssim.deploy.RolloutListener;
import io.devopssim.core.time.Scheduler;
import io.devopssim.deploy.argocd.ArgoCdApplications;
import io.devopssim.deploy.argocd.KubernetesArgoCdApplications;
import io.devopssim.deploy.argocd.RestArgoCdApplications;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import org.jenkinsci.plugins.workflow.steps.StepContext;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Rollouts on the embedded simulated fleet in real time, promoted through the real environment repository:
 * a dry run of the spec inside Jenkins. Cluster routers arrive with issue #3. Promotions, rollbacks and
 * Argo CD waits are real.
 */
public final class SimulatorRuntime implements RolloutRuntime {
    private static final Duration ARGOCD_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final Scheduler scheduler;
    private final Clock clock;
    private final GitPromoter promoter;
    private final SpecJudgeProviders judges;
    private final ForecasterProviders forecasters;
    private final RolloutWakeups wakeups = new RolloutWakeups();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(ARGOCD_REQUEST_TIMEOUT).build();
    private KubernetesClient kubernetes;

    /**
     * @param promoter shared by every rollout of the controller (it keeps one clone per repository)
     * @param judges   the judges besides thresholds (in Jenkins the live list of {@link SpecJudgeProvider} extensions)
     */
    public SimulatorRuntime(Scheduler scheduler, Clock clock, GitPromoter promoter,
                            List<? extends SpecJudgeProvider> judges) {
        this(scheduler, clock, promoter, judges, List.of());
    }

    /** @param forecasters size canaries from a forecast (in Jenkins the live list of {@link ForecasterProvider}s) */
    public SimulatorRuntime(Scheduler scheduler, Clock clock, GitPromoter promoter,
                            List<? extends SpecJudgeProvider> judges, List<? extends ForecasterProvider> forecasters) {
        this.scheduler = scheduler;
        this.clock = clock;
        this.promoter = promoter;
        this.judges = new SpecJudgeProviders(judges);
        this.forecasters = new ForecasterProviders(forecasters);
    }

    @Override
    public Scheduler scheduler() {
        return scheduler;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public RolloutWakeups wakeups() {
        return wakeups;
    }

    @Override
    public BuildRef build(StepContext context) throws IOException, InterruptedException {
        return new RunBuild(context.get(Run.class), context.get(FilePath.class));
    }

    @Override
    public RolloutContext context(String rolloutId, RolloutSpec spec, GitCredentials credentials, Path stateDir,
                                  Path specDir, RolloutListener listener) {
        FleetSimulator fleet = new FleetSimulator(spec.simulation(), clock);
        // the spec's own judge first: one no installed plugin provides is refused here, before any side effect
        return new RolloutContext(rolloutId, spec, fleet, judges.runner(spec.analysis(), fleet, specDir),
                promoter, credentials, new FileStateStore(stateDir), clock, listener,
                RolloutContext.RetryPolicy.DEFAULT)
                .withAnalyses(judges.analyses(fleet, PreviewBench.create(spec.simulation(), clock), specDir))
                .withForecasts(forecasters.forecasts(fleet, clock));
    }

    @Override
    public GitPromoter promoter() {
        return promoter;
    }

    @Override
    public ArgoCdApplications argoCd(ArgoCdEndpoint endpoint) {
        if (endpoint.isRest()) {
            return new RestArgoCdApplications(endpoint.server(), endpoint.token(), http, ARGOCD_REQUEST_TIMEOUT);
        }
        return new KubernetesArgoCdApplications(kubernetes(), endpoint.namespace());
    }

    /**
     * The controller's own cluster configuration (in-cluster service account or kubeconfig), made on first
     * use. The JDK transport is named, not discovered: service discovery would use Jenkins' class loader.
     */
    private synchronized KubernetesClient kubernetes() {
        if (kubernetes == null) {
            kubernetes = new KubernetesClientBuilder().withHttpClientFactory(new JdkHttpClientFactory()).build();
        }
        return kubernetes;
    }
}
