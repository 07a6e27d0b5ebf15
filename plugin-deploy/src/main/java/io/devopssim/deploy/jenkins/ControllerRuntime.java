package io.devopssim.deploy.jenkins;

import hudson.FilePath;
import hudson.model.Run;
import io.devopssim.core.gitops.GitPromoter;
import io.devopssim.core.time.Clock;
import io.devopssim.core.time.Scheduler;
import io.devopssim.deploy.RolloutContext;
import io.devopssim.deploy.argocd.ArgoCdApplications;
import io.devopssim.deploy.argocd.KubernetesArgoCdApplications;
import io.devopssim.deploy.argocd.RestArgoCdApplications;
import io.devopssim.deploy.runtime.RuntimeSetupException;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import org.jenkinsci.plugins.workflow.steps.StepContext;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;

/**
 * The controller's runtime: rollouts where their spec says ({@link RolloutWiring}: the simulated fleet in real time,
 * or the cluster of {@code cluster:} with analyses over Prometheus), promoted through the real environment
 * repository; promotions, rollbacks and Argo CD waits are real.
 */
public final class ControllerRuntime implements RolloutRuntime {
    private static final Duration ARGOCD_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final Scheduler scheduler;
    private final Clock clock;
    private final GitPromoter promoter;
    private final RolloutWiring wiring;
    private final DeployCredentials credentials;
    private final RolloutWakeups wakeups = new RolloutWakeups();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(ARGOCD_REQUEST_TIMEOUT).build();
    private KubernetesClient kubernetes;

    /**
     * @param promoter    shared by every rollout of the controller (it keeps one clone per repository)
     * @param judges      the judges besides thresholds (in Jenkins the live list of {@link SpecJudgeProvider} extensions)
     * @param forecasters size canaries from a forecast (in Jenkins the live list of {@link ForecasterProvider}s)
     * @param credentials the build's Jenkins credentials
     */
    public ControllerRuntime(Scheduler scheduler, Clock clock, GitPromoter promoter, List<? extends SpecJudgeProvider> judges,
                             List<? extends ForecasterProvider> forecasters, DeployCredentials credentials) {
        this.scheduler = scheduler;
        this.clock = clock;
        this.promoter = promoter;
        this.credentials = credentials;
        this.wiring = new RolloutWiring(clock, promoter, new SpecJudgeProviders(judges), new ForecasterProviders(forecasters),
                RolloutWiring.Fleets.fresh(clock),
                RolloutWiring.MetricsSource.DEVSIM, RolloutContext.RetryPolicy.DEFAULT);
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
    public RolloutSession open(RolloutSetup setup) throws RuntimeSetupException {
        return wiring.open(setup);
    }

    @Override
    public DeployCredentials credentials() {
        return credentials;
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
