package io.devopssim.deploy.routing;

import io.devopssim.core.traffic.TrafficRouter;
import io.devopssim.core.traffic.TrafficRoutingException;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.Objects;

/**
 * Splits traffic by running the canary and the stable version as two Deployments behind one Service
 * and setting their replica counts in the ratio of the weight ({@link ReplicaSplit}).
 *
 * <p>Replicas are written with a JSON merge patch of {@code spec.replicas} only: it works the same on a
 * real API server and on fabric8's CRUD mock (which answers 415 to strategic-merge patches), and it
 * leaves alone whatever else another controller or a GitOps sync owns in the Deployment.
 */
public final class ReplicaRatioRouter implements TrafficRouter {

    private final KubernetesClient client;
    private final ResourceRef stable;
    private final ResourceRef canary;
    private final int totalReplicas;

    /**
     * @param totalReplicas the app's size, shared out between the two Deployments; a total of 1 can only
     *                      be all-stable or all-canary
     */
    public ReplicaRatioRouter(KubernetesClient client, String namespace, String stableDeployment,
            String canaryDeployment, int totalReplicas) {
        this.client = Objects.requireNonNull(client, "client");
        this.stable = new ResourceRef("Deployment", namespace, stableDeployment);
        this.canary = new ResourceRef("Deployment", namespace, canaryDeployment);
        if (totalReplicas < 1) {
            throw new IllegalArgumentException("totalReplicas must be at least 1, was " + totalReplicas);
        }
        this.totalReplicas = totalReplicas;
    }

    @Override
    public void setCanaryWeight(int percent) throws TrafficRoutingException {
        ReplicaSplit target = ReplicaSplit.forWeight(totalReplicas, Weights.check(percent));
        ReplicaSplit current = currentSplit();
        // Grow before shrinking, so the app never runs with fewer than totalReplicas pods mid-change.
        if (target.canary() > current.canary()) {
            scale(canary, current.canary(), target.canary());
            scale(stable, current.stable(), target.stable());
        } else {
            scale(stable, current.stable(), target.stable());
            scale(canary, current.canary(), target.canary());
        }
    }

    @Override
    public int canaryWeight() throws TrafficRoutingException {
        return currentSplit().weight();
    }

    /** The desired replicas ({@code spec.replicas}) of both Deployments as they are now. */
    public ReplicaSplit currentSplit() throws TrafficRoutingException {
        return new ReplicaSplit(replicas(stable), replicas(canary));
    }

    private int replicas(ResourceRef ref) throws TrafficRoutingException {
        Deployment deployment = KubernetesCalls.call(ref, "read",
                () -> client.apps().deployments().inNamespace(ref.namespace()).withName(ref.name()).get());
        if (deployment == null) {
            throw KubernetesCalls.notFound(ref);
        }
        Integer replicas = deployment.getSpec() == null ? null : deployment.getSpec().getReplicas();
        // An unset spec.replicas means 1 to the Deployment controller.
        return replicas == null ? 1 : replicas;
    }

    private void scale(ResourceRef ref, int current, int target) throws TrafficRoutingException {
        if (current == target) {
            return; // idempotent: a resumed step repeats setCanaryWeight without touching the cluster
        }
        KubernetesCalls.call(ref, "scale", () -> client.apps().deployments().inNamespace(ref.namespace())
                .withName(ref.name())
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"replicas\":" + target + "}}"));
    }
}
