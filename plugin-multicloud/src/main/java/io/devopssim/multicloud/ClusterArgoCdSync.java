package io.devopssim.multicloud;

import io.devopssim.core.time.Clock;
import io.devopssim.deploy.DeploymentVerifier;
import io.devopssim.deploy.argocd.ArgoCdVerifier;
import io.devopssim.deploy.argocd.KubernetesArgoCdApplications;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Argo CD as one cluster's deployment verifier: every Application of the cluster ({@link ArgoCdTarget}) Synced and
 * Healthy at the cluster's promotion commit, read through the cluster's own API server (plugin-deploy's
 * {@link ArgoCdVerifier} over {@link KubernetesArgoCdApplications}, one per Application). A cluster's rollout is
 * promoted only then, so a wave passes, and the next starts, only when Argo CD deployed the release in each of its
 * clusters. No sync is requested: the Applications of a GitOps environment auto-sync, and a second operation would
 * be refused. A Degraded Application, a failed sync or the timeout fail the cluster's rollout (its promotion is
 * reverted by commit).
 */
public final class ClusterArgoCdSync implements DeploymentVerifier {
    private final Cluster cluster;
    private final ClusterClients clients;
    private final Duration timeout;
    private final Clock clock;

    private ClusterArgoCdSync(Cluster cluster, ClusterClients clients, Duration timeout, Clock clock) {
        this.cluster = cluster;
        this.clients = clients;
        this.timeout = timeout;
        this.clock = clock;
    }

    /** The verifier of each cluster: this one where Applications are named, none (trust the commit) elsewhere. */
    public static Function<Cluster, DeploymentVerifier> verifiers(ClusterClients clients, Duration timeout, Clock clock) {
        return cluster -> cluster.argoCd().applications().isEmpty() ? DeploymentVerifier.NONE
                : new ClusterArgoCdSync(cluster, clients, timeout, clock);
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public void begin(String revision) {
        // auto-sync: Argo CD picks the commit up by itself
    }

    @Override
    public Check check(String revision, Instant since) throws VerificationException {
        KubernetesArgoCdApplications applications;
        try {
            applications = new KubernetesArgoCdApplications(clients.client(cluster), cluster.argoCd().namespace());
        } catch (CredentialResolver.CredentialException | RuntimeException e) {
            throw new VerificationException("cannot reach Argo CD in " + cluster.name() + ": " + e.getMessage(), e);
        }
        List<String> done = new ArrayList<>();
        Check pending = null;
        for (String app : cluster.argoCd().applications()) {
            Check c = new ArgoCdVerifier(applications, app, timeout, false, clock).check(revision, since);
            if (c.status() == Check.Status.FAILED) {
                return new Check(Check.Status.FAILED, cluster.name() + ": " + c.message());
            }
            if (c.status() == Check.Status.PENDING && pending == null) {
                pending = c;
            } else if (c.status() == Check.Status.DONE) {
                done.add(c.message());
            }
        }
        if (pending != null) {
            return new Check(Check.Status.PENDING, cluster.name() + ": " + pending.message());
        }
        return new Check(Check.Status.DONE, cluster.name() + ": " + String.join("; ", done));
    }
}
