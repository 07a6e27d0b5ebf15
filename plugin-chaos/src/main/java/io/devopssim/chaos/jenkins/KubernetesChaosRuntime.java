package io.devopssim.chaos.jenkins;

import io.devopssim.core.time.Scheduler;
import hudson.AbortException;
import io.devopssim.chaos.ChaosRunner;
import io.devopssim.chaos.FileExperimentStore;
import io.devopssim.chaos.HttpProber;
import io.devopssim.chaos.k8s.KubernetesBackend;
import io.devopssim.core.metrics.MetricsProvider;
import io.devopssim.core.time.Clock;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Experiments on a Kubernetes cluster through fabric8 ({@link KubernetesBackend}). The cluster is reached either
 * through a context of the controller's kubeconfig, or an API server URL with a token from a secret text
 * credential, looked up when the runner is made (at the start and after a restart) and kept only in the client, and
 * the CA that signed the server's certificate (PEM, or a secret file or text credential holding it). Metric probes
 * read Prometheus when the settings name it. One client per running experiment, closed when it is over.
 */
public final class KubernetesChaosRuntime implements ChaosRuntime {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** Per Prometheus request, as the deployment gate's; a slower answer is no data, so the probe does not hold. */
    private static final Duration METRICS_TIMEOUT = Duration.ofSeconds(10);

    private final Scheduler scheduler;
    private final Clock clock;
    private final BuildAccess builds;
    private final CredentialsLookup credentials;
    private final Path kubeconfig;
    private final HttpProber http;
    private final Map<String, KubernetesClient> clients = new ConcurrentHashMap<>();

    /**
     * @param kubeconfig the kubeconfig whose contexts {@code kubeContext} names; null: fabric8's own discovery
     *                   (KUBECONFIG, ~/.kube/config, or the pod's service account)
     */
    public KubernetesChaosRuntime(Scheduler scheduler, Clock clock, BuildAccess builds, CredentialsLookup credentials,
                                  Path kubeconfig, HttpProber http) {
        this.scheduler = scheduler;
        this.clock = clock;
        this.builds = builds;
        this.credentials = credentials;
        this.kubeconfig = kubeconfig;
        this.http = http;
    }

    @Override
    public Scheduler scheduler() {
        return scheduler;
    }

    @Override
    public BuildAccess builds() {
        return builds;
    }

    @Override
    public ChaosRunner runner(RunnerRequest request) throws IOException, InterruptedException {
        BackendSettings.Kubernetes k = (BackendSettings.Kubernetes) request.settings();
        KubernetesClient client = clients.get(request.experimentId());
        if (client == null) {
            client = new KubernetesClientBuilder().withConfig(config(k, request)).build();
            clients.put(request.experimentId(), client);
        }
        KubernetesBackend backend = new KubernetesBackend(client, k.namespace(), k.canaryLabels(), k.appLabels());
        MetricsProvider metrics = k.metrics() != null ? k.metrics().provider(METRICS_TIMEOUT) : new NoMetrics("kubernetes");
        return new ChaosRunner(backend, metrics, http, clock, new FileExperimentStore(request.stateDir()));
    }

    /** The client's configuration; package-private so that a test can see what reaches fabric8. */
    Config config(BackendSettings.Kubernetes k, RunnerRequest request) throws IOException, InterruptedException {
        Config base;
        if (k.serverUrl() != null) {
            ChaosCredential c = credentials.find(request.context(), k.tokenCredentialsId());
            if (!(c instanceof ChaosCredential.Token token)) {
                throw new AbortException("chaosExperiment: credential " + k.tokenCredentialsId()
                        + " must be a secret text holding a Kubernetes token");
            }
            // from an empty config, so nothing of the controller's own kubeconfig or environment is mixed in
            ConfigBuilder b = new ConfigBuilder(Config.empty()).withMasterUrl(k.serverUrl().toString()).withOauthToken(token.secret());
            if (k.ca() != null) {
                // as a kubeconfig's certificate-authority-data: trusted for this client only, not the whole JVM
                b.withCaCertData(CaCertificates.caCertData(caPem(k.ca(), request)));
            }
            base = b.build();
        } else {
            try {
                base = kubeconfig != null ? Config.fromKubeconfig(k.kubeContext(), kubeconfig.toFile()) : Config.autoConfigure(k.kubeContext());
            } catch (RuntimeException e) {
                // the type only: a kubeconfig's parse error could quote a line holding a token
                throw new AbortException("chaosExperiment: cannot read the controller's kubeconfig (" + e.getClass().getSimpleName() + ")");
            }
            if (k.kubeContext() != null && (base.getCurrentContext() == null || !k.kubeContext().equals(base.getCurrentContext().getName()))) {
                throw new AbortException("chaosExperiment: the controller's kubeconfig has no context " + k.kubeContext());
            }
        }
        return new ConfigBuilder(base).withNamespace(k.namespace())
                .withRequestTimeout((int) TIMEOUT.toMillis()).withConnectionTimeout((int) TIMEOUT.toMillis())
                .withRequestRetryBackoffLimit(1).build();
    }

    private String caPem(BackendSettings.CaSource ca, RunnerRequest request) throws IOException, InterruptedException {
        if (ca instanceof BackendSettings.CaSource.Pem pem) {
            return pem.pem();
        }
        String id = ((BackendSettings.CaSource.Credential) ca).credentialsId();
        ChaosCredential c = credentials.find(request.context(), id);
        if (c instanceof ChaosCredential.UsernamePassword) {
            throw new AbortException("chaosExperiment: credential " + id + " must be a secret file or secret text holding the CA's PEM");
        }
        Optional<String> why = CaCertificates.problem(c.secret());
        if (why.isPresent()) {
            throw new AbortException("chaosExperiment: credential " + id + " " + why.get());
        }
        return c.secret();
    }

    @Override
    public void release(String experimentId) {
        KubernetesClient client = clients.remove(experimentId);
        if (client != null) {
            client.close();
        }
    }
}
