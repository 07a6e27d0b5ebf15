package io.devopssim.deploy.runtime;

import io.devopssim.core.gitops.GitCredentials;
import io.devopssim.core.gitops.Promoter;
import io.devopssim.core.spec.ArgoCdSpec;
import io.devopssim.core.spec.ClusterSpec;
import io.devopssim.core.spec.CredentialsSpec;
import io.devopssim.core.spec.RolloutSpec;
import io.devopssim.core.spec.RuntimeSpec;
import io.devopssim.core.spec.TrafficSpec;
import io.devopssim.core.time.Clock;
import io.devopssim.core.traffic.TrafficRouter;
import io.devopssim.core.traffic.TrafficRoutingException;
import io.devopssim.deploy.DeploymentVerifier;
import io.devopssim.deploy.RolloutContext;
import io.devopssim.deploy.argocd.ArgoCdApplications;
import io.devopssim.deploy.argocd.ArgoCdVerifier;
import io.devopssim.deploy.argocd.BearerToken;
import io.devopssim.deploy.argocd.KubernetesArgoCdApplications;
import io.devopssim.deploy.argocd.RestArgoCdApplications;
import io.devopssim.deploy.routing.ArgoRolloutsRouter;
import io.devopssim.deploy.routing.BlueGreenRouter;
import io.devopssim.deploy.routing.GitOpsRouter;
import io.devopssim.deploy.routing.HttpRouteRouter;
import io.devopssim.deploy.routing.ReplicaRatioRouter;
import io.devopssim.deploy.routing.ServiceSelectorSwitch;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * Builds what a rollout runs against from its spec: the traffic router of {@code traffic:}, on the cluster of
 * {@code cluster:}, and the Argo CD wait of {@code argocd:}. Plain Java, shared by the CLI ({@code devsim
 * rollout}) and the Jenkins binding; the metrics and the judge are the caller's (the simulated fleet,
 * Prometheus), so are the state store and the clock's pace.
 *
 * <p>One per process: it keeps one Kubernetes client per cluster and one HTTP client for Argo CD's REST API,
 * and closes them with itself. Secrets come from the environment variables the spec names and are never kept
 * in a message or a log.
 */
public final class ClusterRuntime implements AutoCloseable {
    private final Promoter promoter;
    private final Clock clock;
    private final KubernetesConnections kubernetes;
    private final HttpClient http;
    private final Duration requestTimeout;

    /**
     * @param promoter       the environment repositories (promotion, and the GitOps router's weights)
     * @param clock          the engine's clock (real time against a cluster)
     * @param kubeconfig     the kubeconfig to read {@code cluster.context} from; null for kubectl's default
     * @param requestTimeout of each request to Argo CD's REST API
     */
    public ClusterRuntime(Promoter promoter, Clock clock, Path kubeconfig, Duration requestTimeout) {
        this.promoter = Objects.requireNonNull(promoter, "promoter");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.kubernetes = new KubernetesConnections(kubeconfig);
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.http = HttpClient.newBuilder().connectTimeout(requestTimeout).build();
    }

    /**
     * The ports of one rollout, every secret resolved and every object the router moves read once, so that a
     * typo in the spec or a missing variable fails here, before the rollout starts and commits anything.
     */
    public RolloutContext context(RolloutPorts ports) throws RuntimeSetupException {
        TrafficRouter router = router(ports);
        DeploymentVerifier verifier = verifier(ports.spec().runtime(), ports.env());
        preflight(router, ports.spec().runtime().traffic());
        return new RolloutContext(ports.rolloutId(), ports.spec(), router, ports.analysis(), promoter,
                ports.gitCredentials(), ports.store(), clock, ports.listener(), ports.retry(), ports.chaos(), verifier);
    }

    /** The router {@code traffic:} names. */
    public TrafficRouter router(RolloutPorts ports) throws RuntimeSetupException {
        RuntimeSpec runtime = ports.spec().runtime();
        TrafficSpec traffic = runtime.traffic();
        if (traffic instanceof TrafficSpec.Simulator) {
            if (ports.simulator() == null) {
                throw new RuntimeSetupException("traffic.router simulator needs the simulated fleet, which this runner does not have");
            }
            return ports.simulator();
        }
        if (traffic instanceof TrafficSpec.GitOps g) {
            return new GitOpsRouter(promoter, g, gitCredentials(g, ports), ports.rolloutId(), ports.spec().app());
        }
        ClusterSpec cluster = runtime.cluster();
        KubernetesClient client = kubernetes.client(cluster, ports.env());
        String ns = cluster.namespace();
        if (traffic instanceof TrafficSpec.Replicas r) {
            return new ReplicaRatioRouter(client, ns, r.stableDeployment(), r.canaryDeployment(), r.replicas());
        }
        if (traffic instanceof TrafficSpec.ServiceSelector s) {
            return new BlueGreenRouter(new ServiceSelectorSwitch(client, ns, s.service(), s.colourLabel()), s.stableColour(),
                    s.newColour());
        }
        if (traffic instanceof TrafficSpec.HttpRoute h) {
            return new HttpRouteRouter(client, ns, h.route(), h.rule(), h.stableService(), h.canaryService());
        }
        if (traffic instanceof TrafficSpec.ArgoRollouts a) {
            return new ArgoRolloutsRouter(client, ns, a.rollout());
        }
        throw new IllegalStateException("no router for " + traffic.router());
    }

    /** Argo CD's wait of {@code argocd:}, or {@link DeploymentVerifier#NONE} without one. */
    public DeploymentVerifier verifier(RuntimeSpec runtime, Function<String, String> env) throws RuntimeSetupException {
        ArgoCdSpec argocd = runtime.argocd();
        if (argocd == null) {
            return DeploymentVerifier.NONE;
        }
        return new ArgoCdVerifier(applications(runtime, env), argocd.application(), argocd.timeout(), argocd.requestSync(),
                clock);
    }

    private ArgoCdApplications applications(RuntimeSpec runtime, Function<String, String> env) throws RuntimeSetupException {
        ArgoCdSpec argocd = runtime.argocd();
        if (argocd.via() == ArgoCdSpec.Via.REST) {
            BearerToken token;
            try {
                token = BearerToken.of(Secrets.required(env, argocd.tokenEnv(), "argocd.tokenEnv"));
            } catch (IllegalArgumentException e) {
                throw new RuntimeSetupException("environment variable " + argocd.tokenEnv() + " (argocd.tokenEnv): "
                        + e.getMessage(), e);
            }
            return new RestArgoCdApplications(URI.create(argocd.server()), token, http, requestTimeout);
        }
        return new KubernetesArgoCdApplications(kubernetes.client(runtime.cluster(), env), argocd.namespace());
    }

    /**
     * The GitOps router's repository takes the promotion's credentials unless it names its own: variables of the
     * environment, or a Jenkins credential the caller resolved ({@link RolloutPorts#trafficGitCredentials()}).
     */
    private static GitCredentials gitCredentials(TrafficSpec.GitOps g, RolloutPorts ports) throws RuntimeSetupException {
        CredentialsSpec own = g.credentials();
        if (own.equals(ports.spec().gitops().credentials())) {
            return ports.gitCredentials();
        }
        if (own.credentialsId() != null) {
            // a Jenkins credential: only the Jenkins binding can read it, and hands it over resolved
            if (ports.trafficGitCredentials() == null) {
                throw new RuntimeSetupException("traffic.credentials.credentialsId needs Jenkins; use usernameEnv/passwordEnv");
            }
            return ports.trafficGitCredentials();
        }
        if (own.usernameEnv() == null) {
            return GitCredentials.ANONYMOUS;
        }
        return new GitCredentials(Secrets.required(ports.env(), own.usernameEnv(), "traffic.credentials.usernameEnv"),
                Secrets.required(ports.env(), own.passwordEnv(), "traffic.credentials.passwordEnv").toCharArray());
    }

    /** Reads the weight once: the objects exist and the router can act on them, or nothing starts. */
    private static void preflight(TrafficRouter router, TrafficSpec traffic) throws RuntimeSetupException {
        try {
            router.canaryWeight();
        } catch (TrafficRoutingException | RuntimeException e) {
            throw new RuntimeSetupException("traffic router " + traffic.router() + " cannot be used: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        kubernetes.close();
    }
}
