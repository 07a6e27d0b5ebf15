package io.devopssim.deploy;

import io.devopssim.core.sim.FleetSimulator;
import io.devopssim.core.state.InMemoryStateStore;
import io.devopssim.core.state.RolloutPhase;
import io.devopssim.core.state.RolloutState;
import io.devopssim.core.time.SimulatedClock;
import io.devopssim.core.traffic.TrafficRouter;
import io.devopssim.core.traffic.TrafficRoutingException;
import io.devopssim.deploy.routing.BlueGreenRouter;
import io.devopssim.deploy.routing.ServiceSelectorSwitch;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The blue-green engine through the real {@link BlueGreenRouter} (a Service's selector on fabric8's mock API
 * server, which refuses any weight but 0 and 100). The simulated fleet plays the pods behind the Service, so
 * the analyses have metrics: every switch of the selector moves it too.
 */
@EnableKubernetesMockClient(crud = true)
class BlueGreenOnKubernetesTest {
    private static final String NS = "shop";

    static KubernetesMockServer server;
    static KubernetesClient client;

    @TempDir
    Path tmp;

    private final List<Integer> asked = new ArrayList<>();

    @BeforeEach
    void createService() {
        client.services().inNamespace(NS).delete();
        client.services().inNamespace(NS).resource(new ServiceBuilder()
                .withNewMetadata().withName("checkout-active").withNamespace(NS).endMetadata()
                .withNewSpec().addToSelector("app", "checkout").addToSelector("colour", "blue")
                .addNewPort().withPort(80).endPort().endSpec().build()).create();
    }

    private TrafficRouter selectorMovingTheFleet(FleetSimulator fleet) {
        BlueGreenRouter service = new BlueGreenRouter(new ServiceSelectorSwitch(client, NS, "checkout-active", "colour"),
                "blue", "green");
        return new TrafficRouter() {
            @Override
            public void setCanaryWeight(int percent) throws TrafficRoutingException {
                asked.add(percent);
                service.setCanaryWeight(percent);
                fleet.setCanaryWeight(percent);
            }

            @Override
            public int canaryWeight() throws TrafficRoutingException {
                return service.canaryWeight();
            }
        };
    }

    private String activeColour() {
        return client.services().inNamespace(NS).withName("checkout-active").get().getSpec().getSelector().get("colour");
    }

    @Test
    @DisplayName("a healthy release is cut over by one switch of the active Service's selector")
    void shouldSwitchTheActiveServiceToTheNewColour() throws Exception {
        EnvRepoFixture env = new EnvRepoFixture(tmp);
        StrategyRun run = new StrategyRun(tmp, StrategyRun.Specs.blueGreen(env, "{}"), new InMemoryStateStore(),
                new SimulatedClock(StrategyRun.T0), null, null, RolloutListener.NONE, this::selectorMovingTheFleet);

        RolloutState end = run.toEnd();

        assertThat(end.phase()).as(end.outcome()).isEqualTo(RolloutPhase.PROMOTED);
        assertThat(activeColour()).isEqualTo("green");
        assertThat(asked).as("a blue-green router knows 0 and 100 only").allMatch(w -> w == 0 || w == 100).contains(100);
    }

    @Test
    @DisplayName("a release failing its post-promotion analysis has the selector switched back to the stable colour")
    void shouldSwitchBackToTheStableColourWhenThePostPromotionAnalysisFails() throws Exception {
        EnvRepoFixture env = new EnvRepoFixture(tmp);
        StrategyRun run = new StrategyRun(tmp, StrategyRun.Specs.blueGreen(env, "{latencyFactor: 1.3}"),
                new InMemoryStateStore(), new SimulatedClock(StrategyRun.T0), null, null, RolloutListener.NONE,
                this::selectorMovingTheFleet);

        RolloutState end = run.toEnd();

        assertThat(end.phase()).isEqualTo(RolloutPhase.ROLLED_BACK);
        assertThat(activeColour()).isEqualTo("blue");
        assertThat(asked).allMatch(w -> w == 0 || w == 100).endsWith(100, 0);
        assertThat(env.file()).isEqualTo(EnvRepoFixture.VALUES);
    }
}
