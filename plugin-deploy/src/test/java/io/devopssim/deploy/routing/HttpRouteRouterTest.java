package io.devopssim.deploy.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devopssim.core.traffic.TrafficRoutingException;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@EnableKubernetesMockClient(crud = true)
class HttpRouteRouterTest {

    private static final String NS = "payments";
    private static final String ROUTE = """
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata:
              name: checkout
              namespace: payments
            spec:
              parentRefs:
              - name: public-gateway
              rules:
              - name: health
                matches:
                - path: {type: PathPrefix, value: /healthz}
                backendRefs:
                - name: checkout
                  port: 8080
              - name: main
                backendRefs:
                - name: checkout
                  port: 8080
                  weight: 100
                - name: checkout-canary
                  port: 8080
                  weight: 0
            """;

    private static final String ROUTE_PATH =
            "/apis/gateway.networking.k8s.io/v1/namespaces/payments/httproutes/checkout";

    static KubernetesMockServer server;
    static KubernetesClient client;

    private final HttpRouteRouter router =
            new HttpRouteRouter(client, NS, "checkout", "main", "checkout", "checkout-canary");

    @BeforeAll
    static void registerCrd() {
        Crds.registerHttpRoute(client);
    }

    @BeforeEach
    void createRoute() {
        routes().inNamespace(NS).delete();
        routes().inNamespace(NS).load(new java.io.ByteArrayInputStream(ROUTE.getBytes(
                java.nio.charset.StandardCharsets.UTF_8))).create();
    }

    @ParameterizedTest(name = "weight {0}")
    @ValueSource(ints = {0, 10, 50, 100})
    void shouldWeightTheCanaryAndStableBackendsOfTheNamedRule(int weight) throws TrafficRoutingException {
        router.setCanaryWeight(weight);

        assertThat(backendWeights(1)).containsExactly(100 - weight, weight);
        assertThat(router.canaryWeight()).isEqualTo(weight);
    }

    @Test
    void shouldLeaveOtherRulesAndFieldsAlone() throws TrafficRoutingException {
        router.setCanaryWeight(30);

        Map<String, Object> health = rule(0);
        assertThat(health).containsKey("matches");
        assertThat(backendRefs(health)).singleElement()
                .satisfies(ref -> assertThat(ref).doesNotContainKey("weight"));
        assertThat(routes().inNamespace(NS).withName("checkout").get().<List<?>>get("spec", "parentRefs"))
                .hasSize(1);
    }

    @Test
    void shouldNotWriteWhenTheWeightIsAlreadySet() throws TrafficRoutingException {
        router.setCanaryWeight(20);
        String version = routes().inNamespace(NS).withName("checkout").get().getMetadata().getResourceVersion();

        router.setCanaryWeight(20);

        assertThat(routes().inNamespace(NS).withName("checkout").get().getMetadata().getResourceVersion())
                .isEqualTo(version);
    }

    @Test
    @DisplayName("a write that loses a race (409) is re-read and applied again")
    void shouldRetryAfterAConflictingWrite() throws TrafficRoutingException {
        server.expect().put().withPath(ROUTE_PATH).andReturn(409, conflict()).once();

        router.setCanaryWeight(40);

        assertThat(backendWeights(1)).containsExactly(60, 40);
    }

    @Test
    void shouldGiveUpAfterBoundedConflicts() {
        server.expect().put().withPath(ROUTE_PATH).andReturn(409, conflict()).times(5);

        assertThatThrownBy(() -> router.setCanaryWeight(40))
                .isInstanceOf(TrafficRoutingException.class)
                .hasMessage("Could not set the weights of HTTPRoute payments/checkout (HTTP 409, attempt 5)");
        assertThat(backendWeights(1)).containsExactly(100, 0);
    }

    private static io.fabric8.kubernetes.api.model.Status conflict() {
        return new io.fabric8.kubernetes.api.model.StatusBuilder().withCode(409).withReason("Conflict")
                .withMessage("the object has been modified").build();
    }

    @Test
    void shouldNameTheMissingRouteRuleAndBackend() {
        assertThatThrownBy(() -> new HttpRouteRouter(client, NS, "nope", "main", "checkout", "checkout-canary")
                .setCanaryWeight(10)).isInstanceOf(TrafficRoutingException.class)
                .hasMessage("HTTPRoute payments/nope not found");
        assertThatThrownBy(() -> new HttpRouteRouter(client, NS, "checkout", "canary", "checkout", "checkout-canary")
                .setCanaryWeight(10)).hasMessage("HTTPRoute payments/checkout has no rule named 'canary'");
        assertThatThrownBy(() -> new HttpRouteRouter(client, NS, "checkout", "health", "checkout", "checkout-canary")
                .canaryWeight()).hasMessageContaining("no backendRef to Service 'checkout-canary'");
    }

    private static io.fabric8.kubernetes.client.dsl.MixedOperation<GenericKubernetesResource,
            io.fabric8.kubernetes.api.model.GenericKubernetesResourceList,
            io.fabric8.kubernetes.client.dsl.Resource<GenericKubernetesResource>> routes() {
        return client.genericKubernetesResources(HttpRouteRouter.API_VERSION, HttpRouteRouter.KIND);
    }

    private static Map<String, Object> rule(int index) {
        List<Map<String, Object>> rules = routes().inNamespace(NS).withName("checkout").get().get("spec", "rules");
        return rules.get(index);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> backendRefs(Map<String, Object> rule) {
        return (List<Map<String, Object>>) rule.get("backendRefs");
    }

    private static List<Integer> backendWeights(int ruleIndex) {
        return backendRefs(rule(ruleIndex)).stream().map(ref -> ((Number) ref.get("weight")).intValue()).toList();
    }
}
