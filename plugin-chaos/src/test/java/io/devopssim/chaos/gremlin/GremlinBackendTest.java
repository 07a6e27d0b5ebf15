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

    private GremlinClient client() {
        return new GremlinClient(gremlin.baseUrl(), new GremlinCredentials(FakeGremlin.TEAM, FakeGremlin.KEY), Duration.ofSeconds(5));
    }

    /** Passes every call on; tests override the one they watch. */
    private static class ForwardingLedger implements AttackLedger {
        private final AttackLedger delegate;

        ForwardingLedger(AttackLedger delegate) {
            this.delegate = delegate;
        }

        @Override
        public void begin(String experimentId) throws IOException {
            delegate.begin(experimentId);
        }

        @Override
        public void intend(String experimentId, int index, String tag) throws IOException {
            delegate.intend(experimentId, index, tag);
        }

        @Override
        public void record(String experimentId, String tag, String attackGuid) throws IOException {
            delegate.record(experimentId, tag, attackGuid);
        }

        @Override
        public java.util.Optional<List<LedgerEntry>> entries(String experimentId) throws IOException {
            return delegate.entries(experimentId);
        }
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
    void shouldWriteEachIntentBeforeAskingForItsAttackAndTagTheAttackWithIt() throws Exception {
        List<Integer> createdWhenIntended = new java.util.ArrayList<>();
        InMemoryAttackLedger durable = new InMemoryAttackLedger();
        AttackLedger watching = new ForwardingLedger(durable) {
            @Override
            public void intend(String experimentId, int index, String tag) throws IOException {
                createdWhenIntended.add(gremlin.created().size());
                super.intend(experimentId, index, tag);
            }
        };
        GremlinBackend b = new GremlinBackend(client(), watching, Map.of("track", "canary"), Map.of());

        b.start(request(ChaosTarget.CANARY, new Fault.Latency(100), new Fault.Blackhole()));

        assertThat(createdWhenIntended).as("attacks in Gremlin at each intent").containsExactly(0, 1);
        List<AttackLedger.LedgerEntry> entries = durable.entries("exp-1").orElseThrow();
        assertThat(entries).extracting(AttackLedger.LedgerEntry::index).containsExactly(0, 1);
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.tag()).startsWith("exp-1." + e.index() + ".");
            assertThat(gremlin.created().get(e.guid()).path("annotations").path(GremlinBackend.INTENT_ANNOTATION).asText())
                    .isEqualTo(e.tag());
        });
        assertThat(gremlin.violations()).isEmpty();
    }

    @Test
    void shouldHaltAnAttackWhoseCreateAnswerWasLost() throws Exception {
        gremlin.loseCreateAnswers = true;

        assertThatThrownBy(() -> backend.start(request(ChaosTarget.CANARY, new Fault.Latency(100))))
                .isInstanceOf(ChaosBackendException.class).hasMessageContaining("504");
        assertThat(gremlin.active()).as("Gremlin created it all the same").hasSize(1);

        backend.halt("exp-1"); // what the runner does after a failed start

        assertThat(gremlin.active()).isEmpty();
        assertThat(backend.observe("exp-1").state()).isEqualTo(FaultState.HALTED);
    }

    @Test
    void shouldAdoptAfterARestartTheAttackADeadProcessCreatedButNeverWroteDown(@TempDir Path dir) throws Exception {
        ChaosRequest request = request(ChaosTarget.CANARY, new Fault.Latency(100), new Fault.Blackhole());
        GremlinBackend dying = new GremlinBackend(client(), new DyingLedger(new FileAttackLedger(dir),
                DyingLedger.Point.BEFORE_RECORD, 2), Map.of("track", "canary"), Map.of());
        assertThatThrownBy(() -> dying.start(request)).isInstanceOf(DyingLedger.ControllerDied.class);
        assertThat(gremlin.active()).hasSize(2);
        GremlinBackend restarted = new GremlinBackend(client(), new FileAttackLedger(dir), Map.of("track", "canary"), Map.of());

        restarted.start(request); // the resumed runner's repeated start

        assertThat(gremlin.created()).as("nothing created twice").hasSize(2);
        assertThat(new FileAttackLedger(dir).entries("exp-1").orElseThrow()).allMatch(AttackLedger.LedgerEntry::created);
        assertThat(restarted.observe("exp-1").state()).isEqualTo(FaultState.ACTIVE);
        assertThat(restarted.observe("exp-1").detail()).as("both attacks observed").contains(gremlin.active().toArray(String[]::new));
        restarted.halt("exp-1");
        assertThat(gremlin.active()).isEmpty();
    }

    @Test
    void shouldAskAgainAfterARestartForAnAttackADeadProcessOnlyIntended(@TempDir Path dir) throws Exception {
        ChaosRequest request = request(ChaosTarget.CANARY, new Fault.Latency(100), new Fault.Blackhole());
        GremlinBackend dying = new GremlinBackend(client(), new DyingLedger(new FileAttackLedger(dir),
                DyingLedger.Point.BEFORE_CREATE, 2), Map.of("track", "canary"), Map.of());
        assertThatThrownBy(() -> dying.start(request)).isInstanceOf(DyingLedger.ControllerDied.class);
        assertThat(gremlin.created()).hasSize(1);
        GremlinBackend restarted = new GremlinBackend(client(), new FileAttackLedger(dir), Map.of("track", "canary"), Map.of());

        restarted.start(request);

        assertThat(gremlin.created()).hasSize(2);
        assertThat(gremlin.active()).hasSize(2);
        restarted.halt("exp-1"); // the intent that never became an attack is looked for, and harmless
        assertThat(gremlin.active()).isEmpty();
        assertThat(gremlin.violations()).isEmpty();
    }

    @Test
    void shouldRefuseToRunAnAttackGremlinKeptWithoutItsTag() throws Exception {
        gremlin.dropAnnotations = true;

        assertThatThrownBy(() -> backend.start(request(ChaosTarget.CANARY, new Fault.Latency(100), new Fault.Blackhole())))
                .isInstanceOf(ChaosBackendException.class)
                .hasMessageContaining("came back without its devsim-intent annotation");
        assertThat(gremlin.created()).as("stops at the first attack").hasSize(1);

        backend.halt("exp-1");
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
