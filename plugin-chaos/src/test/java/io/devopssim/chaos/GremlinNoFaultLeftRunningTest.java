package io.devopssim.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopssim.chaos.gremlin.FakeGremlin;
import io.devopssim.chaos.gremlin.GremlinBackend;
import io.devopssim.chaos.gremlin.GremlinClient;
import io.devopssim.chaos.gremlin.GremlinCredentials;
import io.devopssim.chaos.gremlin.InMemoryAttackLedger;
import io.devopssim.core.chaos.ChaosBackend;
import org.junit.jupiter.api.AfterEach;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

class GremlinNoFaultLeftRunningTest extends NoFaultLeftRunningContract {
    private final FakeGremlin gremlin = new FakeGremlin();
    /** Durable across a controller restart, as a FileAttackLedger is. */
    private final InMemoryAttackLedger ledger = new InMemoryAttackLedger();
    private final GremlinBackend backend = newBackend();

    GremlinNoFaultLeftRunningTest() throws IOException {
    }

    @AfterEach
    void stop() {
        gremlin.close();
    }

    @Override
    protected ChaosBackend backend() {
        return backend;
    }

    @Override
    protected ChaosBackend restartedBackend() {
        return newBackend();
    }

    private GremlinBackend newBackend() {
        return new GremlinBackend(new GremlinClient(gremlin.baseUrl(),
                new GremlinCredentials(FakeGremlin.TEAM, FakeGremlin.KEY), Duration.ofSeconds(5)),
                ledger, Map.of("track", "canary"), Map.of("app", "checkout"));
    }

    @Override
    protected void assertNothingRunning() {
        assertThat(gremlin.active()).isEmpty();
        assertThat(gremlin.violations()).isEmpty();
    }
}
