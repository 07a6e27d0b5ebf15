package io.devopssim.chaos.gremlin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.devopssim.core.chaos.ChaosBackendException;
import io.devopssim.core.chaos.ChaosRequest;
import io.devopssim.core.chaos.ChaosTarget;
import io.devopssim.core.chaos.Fault;
import io.devopssim.core.chaos.FaultState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

class GremlinBackendTest {
    private final FakeGremlin gremlin = new FakeGremlin();
    private final GremlinBackend backend = new GremlinBackend(
            new GremlinClient(gremlin.baseUrl(), new GremlinCredentials(FakeGremlin.TEAM, FakeGremlin.KEY), Duration.ofSeconds(5)),
            new InMemoryAttackLedger(), Map.of("track", "canary"), Map.of("app", "checkout"));

    GremlinBackendTest() throws IOException {
    }

    @AfterEach
    void stop() {
        gremlin.close();
    }

    private static ChaosRequest request(ChaosTarget target, Fault... faults) {
        return new ChaosRequest("exp-1", target, List.of(faults), Duration.ofMinutes(2), Duration.ZERO);
    }

    @Test
    void shouldCreateOneAttackPerFaultWithTheExperimentsLength() throws Exception {
        backend.start(request(ChaosTarget.CANARY, new Fault.Latency(200), new Fault.PacketLoss(10), new Fault.Blackhole(),
                new Fault.Cpu(2, 80), new Fault.Memory(512), new Fault.ProcessKill("java"), new Fault.PodKill(1)));

        assertThat(gremlin.violations()).isEmpty();
        List<JsonNode> bodies = List.copyOf(gremlin.created().values());
        assertThat(bodies).extracting(b -> b.path("command").path("args").toString()).containsExactly(
                "[\"-l\",\"120\",\"-m\",\"200\"]", "[\"-l\",\"120\",\"-r\",\"10\"]", "[\"-l\",\"120\"]",
                "[\"-l\",\"120\",\"-c\",\"2\",\"-p\",\"80\"]", "[\"-l\",\"120\",\"-m\",\"512\"]",
                "[\"-l\",\"120\",\"-p\",\"java\"]", "[\"-l\",\"120\",\"-d\",\"0\"]");
        assertThat(bodies.get(6).path("target").path("exact").asInt()).isEqualTo(1);
        assertThat(backend.observe("exp-1").state()).isEqualTo(FaultState.ACTIVE);
    }

    @Test
    void shouldNotCreateAttacksTwiceAndHaltThemAll() throws Exception {
        ChaosRequest request = request(ChaosTarget.CANARY, new Fault.Latency(200), new Fault.Blackhole());
        backend.start(request);
        backend.start(request);
        assertThat(gremlin.active()).hasSize(2);

        backend.halt("exp-1");
        backend.halt("exp-1");

        assertThat(gremlin.active()).isEmpty();
        assertThat(backend.observe("exp-1").state()).isEqualTo(FaultState.HALTED);
    }

    @Test
    void shouldSelectByTheTargetsLabelsOrTheAppsForAPercentage() throws Exception {
        backend.start(new ChaosRequest("by-labels", new ChaosTarget(ChaosTarget.Kind.LABELS, 30, Map.of("zone", "b")),
                List.of(new Fault.Blackhole()), Duration.ofMinutes(1), Duration.ZERO));
        backend.start(new ChaosRequest("by-percent", new ChaosTarget(ChaosTarget.Kind.PERCENT, 25, Map.of()),
                List.of(new Fault.Blackhole()), Duration.ofMinutes(1), Duration.ZERO));

        List<JsonNode> targets = gremlin.created().values().stream().map(b -> b.path("target")).toList();
        assertThat(targets.get(0).path("containers").path("multiSelectLabels").toString()).isEqualTo("{\"zone\":[\"b\"]}");
        assertThat(targets.get(0).path("percent").asInt()).isEqualTo(30);
        assertThat(targets.get(1).path("containers").path("multiSelectLabels").toString()).isEqualTo("{\"app\":[\"checkout\"]}");
        assertThat(targets.get(1).path("percent").asInt()).isEqualTo(25);
    }

    @Test
    void shouldNeverSendAnUnfilteredTarget() {
        GremlinBackend unlabelled = new GremlinBackend(new GremlinClient(gremlin.baseUrl(),
                new GremlinCredentials(FakeGremlin.TEAM, FakeGremlin.KEY), Duration.ofSeconds(5)), new InMemoryAttackLedger(),
                Map.of(), Map.of());

        assertThatThrownBy(() -> unlabelled.start(request(ChaosTarget.CANARY, new Fault.Blackhole())))
                .isInstanceOf(ChaosBackendException.class)
                .hasMessageContaining("no container labels configured");
        assertThat(gremlin.created()).isEmpty();
    }

    @Test
    void shouldRefuseNodeFailureBeforeCreatingAnything() {
        assertThatThrownBy(() -> backend.start(request(ChaosTarget.CANARY, new Fault.Latency(100), new Fault.NodeFailure())))
                .isInstanceOf(ChaosBackendException.class)
                .hasMessageContaining("nodeFailure is not supported");
        assertThat(gremlin.created()).isEmpty();
    }

    @Test
    void shouldReportAFailedAttack() throws Exception {
        backend.start(request(ChaosTarget.CANARY, new Fault.Latency(100)));
        gremlin.setStage(gremlin.created().keySet().iterator().next(), "LostCommunication");

        assertThat(backend.observe("exp-1").state()).isEqualTo(FaultState.FAILED);
    }

    @Test
    void shouldHaltAfterARestartTheAttacksAnEarlierProcessRecorded(@TempDir Path dir) throws Exception {
        GremlinClient client = new GremlinClient(gremlin.baseUrl(), new GremlinCredentials(FakeGremlin.TEAM, FakeGremlin.KEY),
                Duration.ofSeconds(5));
        new GremlinBackend(client, new FileAttackLedger(dir), Map.of("track", "canary"), Map.of())
                .start(request(ChaosTarget.CANARY, new Fault.Latency(100), new Fault.Blackhole()));
        GremlinBackend restarted = new GremlinBackend(client, new FileAttackLedger(dir), Map.of("track", "canary"), Map.of());

        restarted.start(request(ChaosTarget.CANARY, new Fault.Latency(100), new Fault.Blackhole())); // a replay
        assertThat(gremlin.active()).hasSize(2);
        restarted.halt("exp-1");

        assertThat(gremlin.active()).isEmpty();
    }

    @Test
    void shouldReportAHaltThatGremlinAcknowledgedButDidNotCarryOut() throws Exception {
        backend.start(request(ChaosTarget.CANARY, new Fault.Latency(100)));
        gremlin.ignoreHalts = true;

        assertThatThrownBy(() -> backend.halt("exp-1"))
                .isInstanceOf(ChaosBackendException.class)
                .hasMessageContaining("is still Running after its halt");

        gremlin.ignoreHalts = false;
        backend.halt("exp-1"); // the runner's retry
        assertThat(gremlin.active()).isEmpty();
    }

    @Test
    void shouldKeepTheKeyOutOfBackendErrors() {
        gremlin.failWith = 500;

        assertThatThrownBy(() -> backend.start(request(ChaosTarget.CANARY, new Fault.Latency(100))))
                .isInstanceOf(ChaosBackendException.class)
                .hasMessageContaining("500 (server error)")
                .message().doesNotContain(FakeGremlin.KEY);
    }
}
