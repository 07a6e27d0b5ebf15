package io.devopssim.deploy.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.devopssim.core.traffic.TrafficRouter;
import io.devopssim.core.traffic.TrafficRoutingException;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.net.HttpURLConnection;
import java.util.Objects;

/**
 * Splits traffic with Gateway API: the weights of the stable and canary {@code backendRefs} of one
 * named rule of an {@code HTTPRoute} (gateway.networking.k8s.io/v1). Weight {@code w} gives the canary
 * backend weight {@code w} and the stable backend {@code 100 - w}; the Gateway implementation routes
 * proportionally to them.
 *
 * <p>The route is read as a {@link GenericKubernetesResource}, so the router does not depend on a
 * Gateway API version of fabric8's model, and written back whole with its {@code resourceVersion}: a
 * concurrent edit (another rule, a GitOps sync) makes the write fail with 409 instead of being lost,
 * and the router re-reads and retries a bounded number of times. A whole-object update behaves the
 * same on a real API server and on fabric8's CRUD mock.
 */
public final class HttpRouteRouter implements TrafficRouter {

    static final String API_VERSION = "gateway.networking.k8s.io/v1";
    static final String KIND = "HTTPRoute";
    private static final int MAX_ATTEMPTS = 5;

    private final KubernetesClient client;
    private final ResourceRef route;
    private final String ruleName;
    private final String stableBackend;
    private final String canaryBackend;

    /**
     * @param ruleName      the {@code name} of the rule in {@code spec.rules} whose backends are weighted
     * @param stableBackend the Service name of the stable backendRef
     * @param canaryBackend the Service name of the canary backendRef
     */
    public HttpRouteRouter(KubernetesClient client, String namespace, String routeName, String ruleName,
            String stableBackend, String canaryBackend) {
        this.client = Objects.requireNonNull(client, "client");
        this.route = new ResourceRef(KIND, namespace, routeName);
        this.ruleName = Objects.requireNonNull(ruleName, "ruleName");
        this.stableBackend = Objects.requireNonNull(stableBackend, "stableBackend");
        this.canaryBackend = Objects.requireNonNull(canaryBackend, "canaryBackend");
    }

    @Override
    public void setCanaryWeight(int percent) throws TrafficRoutingException {
        Weights.check(percent);
        for (int attempt = 1; ; attempt++) {
            ObjectNode current = read();
            Backends backends = backends(current);
            if (backends.canaryWeight() == percent && backends.stableWeight() == 100 - percent) {
                return; // idempotent: nothing to write
            }
            backends.stable().put("weight", 100 - percent);
            backends.canary().put("weight", percent);
            try {
                client.genericKubernetesResources(API_VERSION, KIND).inNamespace(route.namespace())
                        .resource(client.getKubernetesSerialization()
                                .convertValue(current, GenericKubernetesResource.class)).update();
                return;
            } catch (KubernetesClientException e) {
                if (e.getCode() != HttpURLConnection.HTTP_CONFLICT || attempt == MAX_ATTEMPTS) {
                    throw new TrafficRoutingException("Could not set the weights of " + route + " (HTTP "
                            + e.getCode() + ", attempt " + attempt + ")", e);
                }
                // someone else wrote the route since we read it: read it again and re-apply the weights
            }
        }
    }

    @Override
    public int canaryWeight() throws TrafficRoutingException {
        Backends backends = backends(read());
        int total = backends.stableWeight() + backends.canaryWeight();
        return total == 0 ? 0 : Math.round(backends.canaryWeight() * 100f / total);
    }

    private ObjectNode read() throws TrafficRoutingException {
        GenericKubernetesResource resource = KubernetesCalls.call(route, "read", () -> resource().get());
        if (resource == null) {
            throw KubernetesCalls.notFound(route);
        }
        return client.getKubernetesSerialization().convertValue(resource, ObjectNode.class);
    }

    private Resource<GenericKubernetesResource> resource() {
        return client.genericKubernetesResources(API_VERSION, KIND).inNamespace(route.namespace())
                .withName(route.name());
    }

    private Backends backends(ObjectNode routeNode) throws TrafficRoutingException {
        JsonNode rule = rule(routeNode.path("spec").path("rules"));
        JsonNode refs = rule.path("backendRefs");
        return new Backends(backendRef(refs, stableBackend), backendRef(refs, canaryBackend));
    }

    private JsonNode rule(JsonNode rules) throws TrafficRoutingException {
        for (JsonNode rule : rules) {
            if (ruleName.equals(rule.path("name").asText(null))) {
                return rule;
            }
        }
        throw new TrafficRoutingException(route + " has no rule named '" + ruleName + "'");
    }

    private ObjectNode backendRef(JsonNode refs, String service) throws TrafficRoutingException {
        if (refs instanceof ArrayNode) {
            for (JsonNode ref : refs) {
                // a backendRef without kind is a Service, the only kind we weight
                boolean isService = "Service".equals(ref.path("kind").asText("Service"));
                if (isService && service.equals(ref.path("name").asText(null)) && ref instanceof ObjectNode node) {
                    return node;
                }
            }
        }
        throw new TrafficRoutingException(route + " rule '" + ruleName + "' has no backendRef to Service '"
                + service + "'");
    }

    /** The two backendRefs of the rule, as mutable JSON nodes of the route just read. */
    private record Backends(ObjectNode stable, ObjectNode canary) {

        /** Gateway API defaults an absent weight to 1. */
        int stableWeight() {
            return stable.path("weight").asInt(1);
        }

        int canaryWeight() {
            return canary.path("weight").asInt(1);
        }
    }
}
