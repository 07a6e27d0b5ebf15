package io.devopssim.deploy.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devopssim.core.traffic.TrafficRoutingException;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class ServiceSelectorSwitchTest {

    private static final String NS = "payments";

    static KubernetesMockServer server;
    static KubernetesClient client;

    private ServiceSelectorSwitch selectorSwitch;

    /** One mock server for the class (starting one takes a second or two); each test starts from scratch. */
    @BeforeEach
    void createService() {
        client.services().inNamespace(NS).delete();
        Service service = new ServiceBuilder()
                .withNewMetadata().withName("checkout").withNamespace(NS).endMetadata()
                .withNewSpec().addToSelector("app", "checkout").addToSelector("colour", "blue")
                .addNewPort().withPort(80).endPort().endSpec()
                .build();
        client.services().inNamespace(NS).resource(service).create();
        selectorSwitch = new ServiceSelectorSwitch(client, NS, "checkout", "colour");
    }

    @Test
    void shouldReadTheActiveColour() throws TrafficRoutingException {
        assertThat(selectorSwitch.activeColour()).contains("blue");
    }

    @Test
    void shouldPointTheSelectorAtTheNewColourAndKeepTheOtherKeys() throws TrafficRoutingException {
        selectorSwitch.activate("green");

        assertThat(selectorSwitch.activeColour()).contains("green");
        assertThat(client.services().inNamespace(NS).withName("checkout").get().getSpec().getSelector())
                .containsExactlyInAnyOrderEntriesOf(java.util.Map.of("app", "checkout", "colour", "green"));
    }

    @Test
    void shouldNotWriteWhenTheColourIsAlreadyActive() throws TrafficRoutingException {
        String before = client.services().inNamespace(NS).withName("checkout").get().getMetadata().getResourceVersion();

        selectorSwitch.activate("blue");

        assertThat(client.services().inNamespace(NS).withName("checkout").get().getMetadata().getResourceVersion())
                .isEqualTo(before);
    }

    @Test
    void shouldNameTheMissingService() {
        ServiceSelectorSwitch missing = new ServiceSelectorSwitch(client, NS, "nope", "colour");

        assertThatThrownBy(() -> missing.activate("green"))
                .isInstanceOf(TrafficRoutingException.class)
                .hasMessage("Service payments/nope not found");
    }

    @Test
    void shouldRejectAColourThatIsNotALabelValue() {
        assertThatThrownBy(() -> selectorSwitch.activate("gr\"een"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
