package io.devopssim.chaos.gremlin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

class GremlinClientTest {
    private final FakeGremlin gremlin = new FakeGremlin();
    private final GremlinClient client = new GremlinClient(gremlin.baseUrl(),
            new GremlinCredentials(FakeGremlin.TEAM, FakeGremlin.KEY), Duration.ofSeconds(5));

    GremlinClientTest() throws IOException {
    }

    @AfterEach
    void stop() {
        gremlin.close();
    }

    private static AttackRequest latency() {
        return new AttackRequest("latency", "Latency", List.of("-l", "60", "-m", "200"), Map.of("track", "canary"), 50, null);
    }

    @Test
    void shouldCreateAnAttackInTheShapeApiMdDescribes() throws Exception {
        String guid = client.createAttack(latency());

        assertThat(gremlin.violations()).isEmpty();
        JsonNode body = gremlin.created().get(guid);
        assertThat(body.path("command").path("type").asText()).isEqualTo("latency");
        assertThat(body.path("command").path("commandType").asText()).isEqualTo("Latency");
        assertThat(body.path("command").path("args")).extracting(JsonNode::asText).containsExactly("-l", "60", "-m", "200");
        assertThat(body.path("target").path("type").asText()).isEqualTo("Random");
        assertThat(body.path("target").path("containers").path("multiSelectLabels").path("track").get(0).asText()).isEqualTo("canary");
        assertThat(body.path("target").path("percent").asInt()).isEqualTo(50);
        assertThat(gremlin.active()).containsExactly(guid);
    }

    @Test
    void shouldReadAnAttacksStageAndHaltIt() throws Exception {
        String guid = client.createAttack(latency());
        assertThat(client.attack(guid).mayBeActive()).isTrue();

        client.halt(guid);
        client.halt(guid); // idempotent

        AttackStatus halted = client.attack(guid);
        assertThat(halted.stage()).isEqualTo("UserHalted");
        assertThat(halted.mayBeActive()).isFalse();
        assertThat(gremlin.active()).isEmpty();
        assertThat(gremlin.violations()).isEmpty();
    }

    @Test
    void shouldSendAnnotationsAndFindTheAttackByThemAmongTheActiveOnes() throws Exception {
        String tagged = client.createAttack(latency().annotated("devsim-intent", "exp.0.abc"));
        String plain = client.createAttack(latency());
        String halted = client.createAttack(latency().annotated("devsim-intent", "exp.1.def"));
        client.halt(halted);

        List<AttackStatus> active = client.activeAttacks();

        assertThat(gremlin.violations()).isEmpty();
        assertThat(gremlin.created().get(tagged).path("annotations").toString()).isEqualTo("{\"devsim-intent\":\"exp.0.abc\"}");
        assertThat(gremlin.created().get(plain).has("annotations")).as("no empty annotations object").isFalse();
        assertThat(active).extracting(AttackStatus::guid).containsExactlyInAnyOrder(tagged, plain);
        assertThat(active).filteredOn(a -> a.guid().equals(tagged)).singleElement()
                .satisfies(a -> assertThat(a.annotations()).containsExactly(Map.entry("devsim-intent", "exp.0.abc")));
        assertThat(client.attack(tagged).annotations()).containsEntry("devsim-intent", "exp.0.abc");
    }

    @Test
    void shouldTreatTheHaltOfAnUnknownAttackAsDone() throws Exception {
        client.halt("no-such-attack");

        assertThat(gremlin.violations()).isEmpty();
    }

    @Test
    void shouldHaltEveryAttackOfTheTeam() throws Exception {
        client.createAttack(latency());
        client.createAttack(latency());

        client.haltAll();

        assertThat(gremlin.active()).isEmpty();
        assertThat(gremlin.violations()).isEmpty();
    }

    @Test
    void shouldReadFailedAndFinishedStages() throws Exception {
        String guid = client.createAttack(latency());

        gremlin.setStage(guid, "TargetNotFound");
        assertThat(client.attack(guid).failed()).isTrue();
        gremlin.setStage(guid, "Successful");
        assertThat(client.attack(guid).succeeded()).isTrue();
        gremlin.setStage(guid, "SomethingNew"); // unknown stages: still running, until a timeout halts it
        assertThat(new AttackStatus(guid, "SomethingNew", "", false).mayBeActive()).isTrue();
    }

    @Test
    void shouldNeverShowTheApiKeyInAnError() {
        gremlin.failWith = 401; // and the body echoes the Authorization header

        GremlinException e = catchThrowableOfType(GremlinException.class, () -> client.createAttack(latency()));

        assertThat(e.status()).isEqualTo(401);
        assertThat(e.getMessage()).contains("401", "not authenticated").doesNotContain(FakeGremlin.KEY);
        assertThat(e.getMessage()).contains("Key ****");
        assertThat(new GremlinCredentials(FakeGremlin.TEAM, FakeGremlin.KEY).toString()).doesNotContain(FakeGremlin.KEY);
    }

    @Test
    void shouldNeverShowTheApiKeyWhenTheServerCannotBeReached() {
        GremlinClient unreachable = new GremlinClient(URI.create("http://127.0.0.1:1/v1"),
                new GremlinCredentials(FakeGremlin.TEAM, FakeGremlin.KEY), Duration.ofSeconds(2));

        assertThatThrownBy(() -> unreachable.halt("a1"))
                .isInstanceOf(GremlinException.class)
                .hasMessageStartingWith("halt attack a1: no answer from Gremlin")
                .satisfies(t -> assertThat(String.valueOf(t.getCause())).doesNotContain(FakeGremlin.KEY))
                .message().doesNotContain(FakeGremlin.KEY);
    }

    @Test
    void shouldRefuseCredentialsWithoutATeam() {
        assertThatThrownBy(() -> new GremlinCredentials(" ", FakeGremlin.KEY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a Gremlin team id is required");
    }
}
