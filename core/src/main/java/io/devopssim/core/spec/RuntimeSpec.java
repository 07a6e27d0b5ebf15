package io.devopssim.core.spec;

import java.util.Objects;

/**
 * What a rollout runs against: the {@code traffic:}, {@code cluster:} and {@code argocd:} sections of the
 * spec. Without them, the embedded simulated fleet ({@link #SIMULATOR}).
 *
 * @param traffic the traffic router and its fields
 * @param cluster the Kubernetes API, or null when nothing needs one
 * @param argocd  the Argo CD Application to wait for after commits, or null
 */
public record RuntimeSpec(TrafficSpec traffic, ClusterSpec cluster, ArgoCdSpec argocd) {

    public static final RuntimeSpec SIMULATOR = new RuntimeSpec(new TrafficSpec.Simulator(), null, null);

    public RuntimeSpec {
        Objects.requireNonNull(traffic, "traffic");
    }

    /** True when the router or Argo CD is reached through the Kubernetes API. */
    public boolean needsKubernetes() {
        return TrafficReader.needsCluster(traffic.router())
                || (argocd != null && argocd.via() == ArgoCdSpec.Via.KUBERNETES);
    }

    /** True when traffic goes through the simulated fleet (Argo CD may still be real). */
    public boolean simulated() {
        return traffic instanceof TrafficSpec.Simulator;
    }
}
