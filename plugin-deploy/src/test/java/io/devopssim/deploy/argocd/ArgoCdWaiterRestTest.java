package io.devopssim.deploy.argocd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.devopssim.core.time.SimulatedClock;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The waiter over Argo CD's REST API against {@link FakeArgoCdServer}: every request and response is
 * validated against shared/argocd/swagger.json and each test ends with no validation error.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArgoCdWaiterRestTest {

    private static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.c2VjcmV0LXRva2VuLWZvci10ZXN0cw.s1gnature";
    private static final String OLD = "1111111111111111111111111111111111111111";
    private static final String NEW = "2222222222222222222222222222222222222222";

    /** Generous: the machine running the tests may be busy; every wait is still bounded. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final OpenApiInteractionValidator validator = FakeArgoCdServer.argoCdValidator();
    private final ObjectMapper json = new ObjectMapper();
    private final SimulatedClock clock = new SimulatedClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();
    private FakeArgoCdServer server;
    private RestArgoCdApplications argoCd;

    @BeforeEach
    void startServer() throws IOException {
        server = new FakeArgoCdServer(validator, TOKEN, (ObjectNode) json.readTree("""
                {"metadata": {"name": "checkout-prod", "namespace": "argocd", "resourceVersion": "41"},
                 "spec": {"project": "default",
                          "source": {"repoURL": "https://git.example/env.git", "path": "prod/checkout",
                                     "targetRevision": "main"},
                          "destination": {"server": "https://kubernetes.default.svc", "namespace": "payments"}},
                 "status": {"sync": {"status": "Synced", "revision": "%s"},
                            "health": {"status": "Healthy"}}}
                """.formatted(OLD)));
        argoCd = new RestArgoCdApplications(server.uri(), BearerToken.of(TOKEN), http, REQUEST_TIMEOUT);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    @DisplayName("hard refresh, sync, then Done once the controller reports Synced + Healthy at the revision")
    void shouldSyncAndWaitUntilSyncedAndHealthyAtTheRevision() throws ArgoCdException {
        ArgoCdWaiter waiter = new ArgoCdWaiter(argoCd, "checkout-prod", NEW, clock, Duration.ofMinutes(5));

        waiter.requestSync();
        assertThat(waiter.poll().phase()).isEqualTo(WaitResult.Phase.PENDING);
        controllerFinished("Succeeded", "Healthy");
        WaitResult result = waiter.poll();

        assertThat(result.phase()).isEqualTo(WaitResult.Phase.DONE);
        assertThat(server.requests()).containsExactly(
                "GET /api/v1/applications/checkout-prod?refresh=hard",
                "POST /api/v1/applications/checkout-prod/sync",
                "GET /api/v1/applications/checkout-prod",
                "GET /api/v1/applications/checkout-prod");
        assertThat(server.app().path("metadata").path("annotations").path("argocd.argoproj.io/refresh").asText())
                .isEqualTo("hard");
        assertThat(server.validationErrors()).isEmpty();
    }

    @Test
    void shouldFailFastWhenDegradedAtTheRevision() throws ArgoCdException {
        ArgoCdWaiter waiter = new ArgoCdWaiter(argoCd, "checkout-prod", NEW, clock, Duration.ofMinutes(5));
        waiter.requestSync();
        controllerFinished("Succeeded", "Degraded");

        WaitResult result = waiter.poll();

        assertThat(result.phase()).isEqualTo(WaitResult.Phase.FAILED);
        assertThat(result.message()).contains("Degraded");
        assertThat(server.validationErrors()).isEmpty();
    }

    @Test
    void shouldReportArgoCdsMessageWhenASyncIsRefused() throws ArgoCdException {
        argoCd.sync("checkout-prod", NEW);

        assertThatThrownBy(() -> argoCd.sync("checkout-prod", NEW))
                .isInstanceOf(ArgoCdException.class)
                .hasMessage("Argo CD POST /api/v1/applications/checkout-prod/sync answered HTTP 400:"
                        + " another operation is already in progress");
        assertThat(server.validationErrors()).isEmpty();
    }

    @Test
    void shouldNameAMissingApplication() {
        assertThatThrownBy(() -> argoCd.get("nope"))
                .hasMessage("Argo CD GET /api/v1/applications/nope answered HTTP 404:"
                        + " applications.argoproj.io \"nope\" not found");
        assertThat(server.validationErrors()).isEmpty();
    }

    @Test
    @DisplayName("the token never shows in exceptions or in the token's toString")
    void shouldNeverRevealTheToken() {
        RestArgoCdApplications wrongToken = new RestArgoCdApplications(server.uri(),
                BearerToken.of(TOKEN + "x"), http, REQUEST_TIMEOUT);
        RestArgoCdApplications unreachable = new RestArgoCdApplications(URI.create("http://127.0.0.1:1"),
                BearerToken.of(TOKEN), http, REQUEST_TIMEOUT);

        assertThatThrownBy(() -> wrongToken.get("checkout-prod"))
                .hasMessageContaining("HTTP 401")
                .satisfies(e -> assertNoToken(e));
        assertThatThrownBy(() -> unreachable.get("checkout-prod"))
                .isInstanceOf(ArgoCdException.class)
                .satisfies(e -> assertNoToken(e));
        assertThat(BearerToken.of(TOKEN)).hasToString("BearerToken[redacted]");
        assertThat(argoCd.toString()).doesNotContain(TOKEN);
    }

    @Test
    @DisplayName("the fake server's validator does catch a request that breaks the spec")
    void shouldReportARequestThatBreaksTheSpec() throws IOException, InterruptedException {
        HttpRequest bad = HttpRequest.newBuilder(server.uri().resolve("/api/v1/applications/checkout-prod/sync"))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"checkout-prod\",\"prune\":\"yes\"}"))
                .timeout(REQUEST_TIMEOUT).build();

        http.send(bad, HttpResponse.BodyHandlers.discarding());

        assertThat(server.validationErrors()).anySatisfy(error -> assertThat(error).contains("prune"));
    }

    private static void assertNoToken(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause()) {
            assertThat(String.valueOf(e.getMessage())).doesNotContain(TOKEN).doesNotContain("c2VjcmV0");
            assertThat(e.toString()).doesNotContain(TOKEN);
        }
    }

    /** Plays the controller: records the finished sync, clears .operation. */
    private void controllerFinished(String phase, String health) {
        ObjectNode app = server.app();
        app.remove("operation");
        ObjectNode status = app.withObjectProperty("status");
        status.putObject("operationState").put("phase", phase).put("message", "successfully synced (all tasks run)")
                .put("startedAt", "2026-11-23T10:00:01Z").put("finishedAt", "2026-11-23T10:00:09Z")
                .putObject("syncResult").put("revision", NEW);
        status.putObject("sync").put("status", "Synced").put("revision", NEW);
        status.putObject("health").put("status", health);
    }
}
