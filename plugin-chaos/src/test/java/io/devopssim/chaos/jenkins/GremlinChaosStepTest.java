package io.devopssim.chaos.jenkins;

import io.devopssim.jenkinsapi.testing.SecretLeaks;
import io.devopssim.core.testing.ManualScheduler;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import io.devopssim.chaos.gremlin.FakeGremlin;
import io.devopssim.core.time.SimulatedClock;
import io.devopssim.jenkinsapi.testing.StepSerialization;
import io.devopssim.jenkinsapi.testing.TestStepContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/** The chaosExperiment step on Gremlin: the runtime the controller uses, against the fake Gremlin on 127.0.0.1. */
class GremlinChaosStepTest {
    static final String LATENCY = """
            name: checkout-latency
            faults: [{latency: {ms: 100}}, {cpu: {cores: 1, percent: 50}}]
            duration: 1m
            hypothesis:
              interval: 20s
              probes: [{name: health, url: "http://checkout.shop/healthz", expectStatus: 200}]
            """;

    @TempDir
    Path tmp;

    private final FakeGremlin gremlin = new FakeGremlin();
    private final SimulatedClock clock = new SimulatedClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final TestStepContext context = new TestStepContext();
    private final List<String> lookups = new ArrayList<>();
    private final Map<String, ChaosCredential> credentials = Map.of(
            "gremlin-key", new ChaosCredential.Token(FakeGremlin.KEY),
            "gremlin-team", new ChaosCredential.UsernamePassword(FakeGremlin.TEAM, FakeGremlin.KEY));
    private TestBuilds builds;

    GremlinChaosStepTest() throws IOException {
    }

    @AfterEach
    void stop() {
        gremlin.close();
    }

    private GremlinChaosRuntime runtime() {
        builds = builds != null ? builds : new TestBuilds(tmp.resolve("build"));
        CredentialsLookup lookup = (ctx, id) -> {
            lookups.add(id);
            ChaosCredential c = credentials.get(id);
            if (c == null) {
                throw new AbortException("chaosExperiment: no credential " + id + " for this build");
            }
            return c;
        };
        return new GremlinChaosRuntime(scheduler, clock, builds, lookup, gremlin.baseUrl(), (url, timeout) -> 200);
    }

    private ChaosExperimentExecution execution(String credentialsId, String teamId) {
        return new ChaosExperimentExecution(context, new ChaosExperimentRequest(null, LATENCY, "exp-1", true,
                new BackendArguments("gremlin", null, null, null, credentialsId, teamId, "track=canary", null)), runtime());
    }

    @Test
    void shouldRunOnGremlinWithTheKeyOfASecretTextAndTheTeamOfTheStep() throws Exception {
        ChaosExperimentExecution execution = execution("gremlin-key", FakeGremlin.TEAM);

        execution.start();
        for (int i = 0; i < 100 && gremlin.active().isEmpty(); i++) {
            scheduler.run(1);
        }
        assertThat(gremlin.active()).as("attacks running").hasSize(2);
        byte[] midRun = StepSerialization.serialize(execution, context);
        scheduler.run(1000);
        assertThat(context.outcome).as("the step ended; log:%n%s", context.log()).isDone();

        assertThat(context.outcome.get()).isEqualTo(Map.of("outcome", "COMPLETED", "hypothesisHeld", true, "errorBudgetBurned", 0.0));
        assertThat(gremlin.created()).hasSize(2);
        assertThat(gremlin.active()).as("halted at the end").isEmpty();
        assertThat(gremlin.violations()).isEmpty();
        assertThat(context.log()).contains("[chaosExperiment] experiment checkout-latency on gremlin");
        assertThat(builds.actions).singleElement().satisfies(a -> assertThat(a.getModel().getBackend()).isEqualTo("gremlin"));
        assertThat(Files.exists(tmp.resolve("build/devsim-chaos/gremlin/exp-1.attacks"))).as("the attack ledger").isTrue();
        SecretLeaks.assertNotInLog(FakeGremlin.KEY, context);
        SecretLeaks.assertNotInFiles(FakeGremlin.KEY, tmp.resolve("build"));
        SecretLeaks.assertNotInSerializedExecution(FakeGremlin.KEY, midRun);
    }

    @Test
    void shouldTakeTheTeamAndTheKeyFromAUsernamePassword() throws Exception {
        execution("gremlin-team", null).start();
        scheduler.run(1000);
        assertThat(context.outcome).as("the step ended; log:%n%s", context.log()).isDone();

        assertThat(((Map<?, ?>) context.outcome.get()).get("outcome")).isEqualTo("COMPLETED");
        assertThat(gremlin.created()).hasSize(2);
        assertThat(gremlin.violations()).as("the fake checks teamId and Authorization on every call").isEmpty();
    }

    @Test
    void shouldKeepTheKeyOutOfEverythingWhenGremlinEchoesItInAnError() throws Exception {
        gremlin.failWith = 401; // every answer echoes the Authorization header
        ChaosExperimentExecution execution = execution("gremlin-key", FakeGremlin.TEAM);

        execution.start();
        byte[] serialized = StepSerialization.serialize(execution, context);
        scheduler.run(5); // the create fails; the halt cannot confirm nothing runs while Gremlin refuses, and retries
        assertThat(context.outcome).isNotDone();
        gremlin.failWith = 0;
        scheduler.run(1000);
        assertThat(context.outcome).as("the step ended; log:%n%s", context.log()).isDone();

        Throwable failure = catchFailure();
        assertThat(failure).isInstanceOf(AbortException.class).hasMessageContaining("the backend could not run the faults");
        assertThat(context.log()).contains("401 (not authenticated: check the API key)").contains("Key ****");
        SecretLeaks.assertNotInLog(FakeGremlin.KEY, context);
        SecretLeaks.assertNotInFiles(FakeGremlin.KEY, tmp.resolve("build"));
        SecretLeaks.assertNotInException(FakeGremlin.KEY, failure);
        SecretLeaks.assertNotInSerializedExecution(FakeGremlin.KEY, serialized);
    }

    @Test
    void shouldRefuseASecretTextWithoutATeamBeforeAnythingStarts() {
        ChaosExperimentExecution execution = execution("gremlin-key", null);

        assertThatThrownBy(execution::start).isInstanceOf(AbortException.class)
                .hasMessageContaining("credential gremlin-key is a secret text: give the Gremlin team id as teamId")
                .satisfies(e -> SecretLeaks.assertNotInException(FakeGremlin.KEY, e));
        assertThat(Files.exists(tmp.resolve("build/devsim-chaos"))).as("no state").isFalse();
        assertThat(gremlin.created()).isEmpty();
        assertThat(builds.actions).isEmpty();
    }

    @Test
    void shouldRefuseAMissingCredentialBeforeAnythingStarts() {
        assertThatThrownBy(execution("nope", FakeGremlin.TEAM)::start).isInstanceOf(AbortException.class)
                .hasMessage("chaosExperiment: no credential nope for this build");
        assertThat(gremlin.created()).isEmpty();
    }

    @Test
    void shouldLookTheKeyUpAgainAfterARestartAndHaltWhatItStarted() throws Exception {
        ChaosExperimentExecution execution = execution("gremlin-key", FakeGremlin.TEAM);
        execution.start();
        for (int i = 0; i < 100 && gremlin.active().isEmpty(); i++) {
            scheduler.run(1);
        }
        byte[] saved = StepSerialization.serialize(execution, context);
        scheduler.forget();

        ChaosExperimentExecution resumed = StepSerialization.deserialize(saved, context, ChaosExperimentExecution.class);
        resumed.useRuntimeForTest(runtime()); // the restarted controller's runtime: nothing in memory
        resumed.onResume();
        resumed.stop(new InterruptedException("aborted by user"));

        assertThat(lookups).containsExactly("gremlin-key", "gremlin-key");
        assertThat(gremlin.created()).as("nothing created twice").hasSize(2);
        assertThat(gremlin.active()).as("the stop halted the attacks the first process started").isEmpty();
        assertThatThrownBy(() -> context.outcome.get()).cause().isInstanceOf(InterruptedException.class);
    }

    private Throwable catchFailure() throws InterruptedException {
        try {
            context.outcome.get();
            throw new AssertionError("the step succeeded");
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }
}
