package io.devopssim.deploy.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.devopssim.core.traffic.TrafficRouter;
import io.devopssim.core.traffic.TrafficRoutingException;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Drives an Argo Rollouts {@code Rollout} (argoproj.io/v1alpha1, canary strategy) the way
 * {@code kubectl argo rollouts} does: JSON merge patches of {@code spec.paused} on the object and of
 * the control fields of {@code .status} through the status subresource.
 *
 * <p><b>Mapping of the weight.</b> In Argo Rollouts the weight is not a free value: it is what the
 * {@code setWeight} steps of {@code spec.strategy.canary.steps} say, and the controller walks those
 * steps. The steps live in Git with the rest of the Rollout, so rewriting them here would fight Argo
 * CD's sync. This router therefore only moves the Rollout along its own steps:
 * <ul>
 *   <li>{@code 0}: abort ({@code status.abort=true}); the controller sends all traffic back to stable.</li>
 *   <li>{@code 100}: full promotion ({@code status.promoteFull=true}); remaining steps, pauses and
 *       analyses are skipped.</li>
 *   <li>any other {@code w}: skip to the first {@code setWeight: w} step ({@code status.currentStepIndex}
 *       to its index, pause conditions cleared, abort cleared). The controller applies that weight and
 *       stops at the next {@code pause: {}}; a plan meant for this router follows each {@code setWeight}
 *       with an indefinite pause, so our engine, not the controller's clock, decides when to move on.
 *       A weight that no step names fails with the weights the steps allow.</li>
 * </ul>
 * {@link #canaryWeight()} reads the same intent back from the status (abort, promoteFull,
 * currentStepIndex), so setting a weight twice writes once; {@link #appliedWeight()} reads what the
 * controller reports it has applied through its traffic router.
 *
 * <p>fabric8's CRUD mock honours the status subresource when the Rollout CRD is registered, as a real
 * API server does; it runs no controller, so in tests nothing walks the steps.
 */
public final class ArgoRolloutsRouter implements TrafficRouter {

    static final String API_VERSION = "argoproj.io/v1alpha1";
    static final String KIND = "Rollout";

    private final KubernetesClient client;
    private final ResourceRef rollout;

    public ArgoRolloutsRouter(KubernetesClient client, String namespace, String rolloutName) {
        this.client = Objects.requireNonNull(client, "client");
        this.rollout = new ResourceRef(KIND, namespace, rolloutName);
    }

    @Override
    public void setCanaryWeight(int percent) throws TrafficRoutingException {
        Weights.check(percent);
        JsonNode current = read();
        if (intendedWeight(current) == percent) {
            return; // idempotent: the Rollout already heads for this weight
        }
        if (percent == 0) {
            abort();
            return;
        }
        ObjectNode status = JsonNodeFactory.instance.objectNode();
        if (current.path("status").path("abort").asBoolean(false)) {
            status.put("abort", false); // retry: leave the aborted state
        }
        if (percent == 100) {
            status.put("promoteFull", true);
        } else {
            status.putNull("pauseConditions");
            status.put("currentStepIndex", stepIndexOf(current, percent));
        }
        unpause(current);
        patchStatus(status);
    }

    @Override
    public int canaryWeight() throws TrafficRoutingException {
        return intendedWeight(read());
    }

    /** Abort as {@code kubectl argo rollouts abort}: traffic and scale go back to the stable ReplicaSet. */
    public void abort() throws TrafficRoutingException {
        patchStatus(JsonNodeFactory.instance.objectNode().put("abort", true));
    }

    /**
     * Promote as {@code kubectl argo rollouts promote} does for a paused canary: unpause the spec and clear
     * the pause conditions, so the controller goes on with the next step.
     */
    public void promote() throws TrafficRoutingException {
        JsonNode current = read();
        unpause(current);
        patchStatus(JsonNodeFactory.instance.objectNode().putNull("pauseConditions"));
    }

    /** Retry as {@code kubectl argo rollouts retry}: leave the aborted state; the update starts again. */
    public void retry() throws TrafficRoutingException {
        patchStatus(JsonNodeFactory.instance.objectNode().put("abort", false));
    }

    /**
     * The canary weight the controller reports applied through its traffic router
     * ({@code status.canary.weights.canary.weight}); empty without a router or before the first step.
     */
    public Optional<Integer> appliedWeight() throws TrafficRoutingException {
        JsonNode weight = read().path("status").path("canary").path("weights").path("canary").path("weight");
        return weight.isNumber() ? Optional.of(weight.asInt()) : Optional.empty();
    }

    /** The weights the Rollout's setWeight steps allow, in step order. */
    public List<Integer> stepWeights() throws TrafficRoutingException {
        return stepWeights(read());
    }

    private static int intendedWeight(JsonNode rollout) {
        JsonNode status = rollout.path("status");
        if (status.path("abort").asBoolean(false)) {
            return 0;
        }
        if (status.path("promoteFull").asBoolean(false)) {
            return 100;
        }
        JsonNode steps = steps(rollout);
        JsonNode index = status.path("currentStepIndex");
        if (!index.isNumber()) {
            return 0; // no update in progress: all traffic is on stable
        }
        if (index.asInt() >= steps.size()) {
            return 100; // past the last step: the canary has become stable
        }
        int weight = 0;
        for (int i = 0; i <= index.asInt(); i++) {
            JsonNode setWeight = steps.get(i).path("setWeight");
            if (setWeight.isNumber()) {
                weight = setWeight.asInt();
            }
        }
        return weight;
    }

    private int stepIndexOf(JsonNode node, int percent) throws TrafficRoutingException {
        JsonNode steps = steps(node);
        for (int i = 0; i < steps.size(); i++) {
            JsonNode setWeight = steps.get(i).path("setWeight");
            if (setWeight.isNumber() && setWeight.asInt() == percent) {
                return i;
            }
        }
        throw new TrafficRoutingException(rollout + " has no 'setWeight: " + percent
                + "' step; its steps allow " + stepWeights(node) + ", 0 (abort) and 100 (full promotion)");
    }

    private static List<Integer> stepWeights(JsonNode rollout) {
        List<Integer> weights = new ArrayList<>();
        for (JsonNode step : steps(rollout)) {
            if (step.path("setWeight").isNumber()) {
                weights.add(step.path("setWeight").asInt());
            }
        }
        return weights;
    }

    private static JsonNode steps(JsonNode rollout) {
        return rollout.path("spec").path("strategy").path("canary").path("steps");
    }

    private void unpause(JsonNode current) throws TrafficRoutingException {
        if (current.path("spec").path("paused").asBoolean(false)) {
            KubernetesCalls.call(rollout, "unpause", () -> resource()
                    .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"paused\":false}}"));
        }
    }

    /**
     * Status fields go through the status subresource, as the kubectl plugin sends them (a write of
     * .status through the main resource is ignored by a real API server). Note: a merge-patch null
     * deletes the field on a real API server; fabric8's CRUD mock stores the null, which reads the same.
     */
    private void patchStatus(ObjectNode status) throws TrafficRoutingException {
        String patch = JsonNodeFactory.instance.objectNode().set("status", status).toString();
        KubernetesCalls.call(rollout, "patch the status of", () -> resource().subresource("status")
                .patch(PatchContext.of(PatchType.JSON_MERGE), patch));
    }

    private JsonNode read() throws TrafficRoutingException {
        GenericKubernetesResource resource = KubernetesCalls.call(rollout, "read", () -> resource().get());
        if (resource == null) {
            throw KubernetesCalls.notFound(rollout);
        }
        JsonNode node = client.getKubernetesSerialization().convertValue(resource, JsonNode.class);
        if (!steps(node).isArray()) {
            throw new TrafficRoutingException(rollout + " has no canary steps (spec.strategy.canary.steps)");
        }
        return node;
    }

    private Resource<GenericKubernetesResource> resource() {
        return client.genericKubernetesResources(API_VERSION, KIND).inNamespace(rollout.namespace())
                .withName(rollout.name());
    }
}
