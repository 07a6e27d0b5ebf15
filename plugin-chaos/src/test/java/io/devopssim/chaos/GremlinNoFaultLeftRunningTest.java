package io.devopssim.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devopssim.chaos.gremlin.AttackLedger;
import io.devopssim.chaos.gremlin.DyingLedger;
import io.devopssim.chaos.gremlin.FakeGremlin;
import io.devopssim.chaos.gremlin.GremlinBackend;
import io.devopssim.chaos.gremlin.GremlinClient;
import io.devopssim.chaos.gremlin.GremlinCredentials;
import io.devopssim.chaos.gremlin.InMemoryAttackLedger;
import io.devopssim.core.chaos.ChaosBackend;
import io.devopssim.core.chaos.ChaosResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

class GremlinNoFaultLeftRunningTest extends NoFaultLeftRunningContract {
    private final FakeGremlin gremlin = new FakeGremlin();
    /** Durable across a controller restart, as a FileAttackLedger is. */
    private InMemoryAttackLedger ledger = new InMemoryAttackLedger();
    /** What the controller under test writes through; a DyingLedger in the crash tests. */
    private AttackLedger controllerLedger = ledger;

    GremlinNoFaultLeftRunningTest() throws IOException {
    }

    @AfterEach
    void stop() {
        gremlin.close();
    }

    @Override
    protected ChaosBackend backend() {
        return newBackend(controllerLedger);
    }

    @Override
    protected ChaosBackend restartedBackend() {
        return newBackend(ledger);
    }

    private GremlinBackend newBackend(AttackLedger over) {
        return new GremlinBackend(new GremlinClient(gremlin.baseUrl(),
                new GremlinCredentials(FakeGremlin.TEAM, FakeGremlin.KEY), Duration.ofSeconds(5)),
                over, Map.of("track", "canary"), Map.of("app", "checkout"));
    }

    @Override
    protected void assertNothingRunning() {
        assertThat(gremlin.active()).isEmpty();
        assertThat(gremlin.violations()).isEmpty();
    }

    /** The experiment's two faults are two attacks; the controller dies at either one's gap. */
    @Test
    @DisplayName("a controller that dies between 'create attack' and 'record attack' leaves nothing the kill switch misses")
    void shouldHaltAnAttackCreatedButNotRecordedWhenTheControllerDied() throws Exception {
        for (DyingLedger.Point point : DyingLedger.Point.values()) {
            for (int n = 1; n <= 2; n++) {
                String id = "gap-" + point + "-" + n;
                InMemoryExperimentStore durable = new InMemoryExperimentStore();
                controllerLedger = new DyingLedger(ledger, point, n);
                int createdBefore = gremlin.created().size();

                assertThatThrownBy(() -> given.runToEnd(runner(durable), id, spec()))
                        .isInstanceOf(DyingLedger.ControllerDied.class);
                assertThat(gremlin.created().size() - createdBefore).as("%s %d: attacks created", point, n)
                        .isEqualTo(point == DyingLedger.Point.BEFORE_RECORD ? n : n - 1);

                List<String> halted = runnerAfterRestart(durable).haltAll("controller restarted: kill switch");

                assertThat(halted).as("%s %d", point, n).containsExactly(id);
                assertNothingRunning();
            }
        }
    }

    @Test
    @DisplayName("a controller that resumes after dying in the gap adopts the attack: none is created twice, none left running")
    void shouldAdoptTheUnrecordedAttackWhenTheExperimentResumes() throws Exception {
        InMemoryExperimentStore durable = new InMemoryExperimentStore();
        controllerLedger = new DyingLedger(ledger, DyingLedger.Point.BEFORE_RECORD, 1);
        assertThatThrownBy(() -> given.runToEnd(runner(durable), "resumed", spec()))
                .isInstanceOf(DyingLedger.ControllerDied.class);

        ExperimentState end = given.runToEnd(runnerAfterRestart(durable), "resumed", spec());

        assertThat(end.outcome()).isEqualTo(ChaosResult.Outcome.COMPLETED);
        assertThat(gremlin.created()).as("one attack per fault, the orphan adopted").hasSize(2);
        assertNothingRunning();
    }
}
