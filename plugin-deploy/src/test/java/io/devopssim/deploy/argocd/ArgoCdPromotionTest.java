package io.devopssim.deploy.argocd;

import io.devopssim.core.gitops.GitCredentials;
import io.devopssim.core.gitops.GitPromoter;
import io.devopssim.core.gitops.PromoterOptions;
import io.devopssim.core.judge.AnalysisRunner;
import io.devopssim.core.judge.ThresholdJudge;
import io.devopssim.core.sim.FleetSimulator;
import io.devopssim.core.spec.RolloutSpec;
import io.devopssim.core.state.InMemoryStateStore;
import io.devopssim.core.state.RolloutPhase;
import io.devopssim.core.state.RolloutState;
import io.devopssim.core.time.SimulatedClock;
import io.devopssim.deploy.CanaryEngine;
import io.devopssim.deploy.CanaryEngineTestSpecs;
import io.devopssim.deploy.EnvRepoFixture;
import io.devopssim.deploy.RolloutContext;
import io.devopssim.deploy.RolloutListener;
import io.devopssim.deploy.routing.Crds;
import io.devopssim.core.chaos.ChaosExperiments;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A promotion is done only when Argo CD runs it: the engine waits for the Application to be Synced and
 * Healthy at the promotion commit, and reverts the commit when the app goes Degraded there. Argo CD's
 * Application resource lives on fabric8's CRUD mock; the test plays the Argo CD controller.
 */
@EnableKubernetesMockClient(crud = true)
class ArgoCdPromotionTest {

    static KubernetesMockServer server;
    static KubernetesClient client;
    private final PlayedArgoCd argoCd = new PlayedArgoCd(client);

    @TempDir
    Path tmp;

    private final SimulatedClock clock = new SimulatedClock(Instant.parse("2026-11-23T09:00:00Z"));
    private EnvRepoFixture env;
    private CanaryEngine engine;

    @BeforeAll
    static void registerCrd() {
        Crds.register(client, "argocd/application-crd.yaml");
    }

    @BeforeEach
    void setUp() throws Exception {
        argoCd.reset();
        env = new EnvRepoFixture(tmp.resolve("repo"));
        RolloutSpec spec = CanaryEngineTestSpecs.healthy(env);
        FleetSimulator fleet = new FleetSimulator(spec.simulation(), clock);
        engine = new CanaryEngine(new RolloutContext("checkout-1.5.0", spec, fleet,
                new AnalysisRunner(fleet, new ThresholdJudge(spec.analysis())),
                new GitPromoter(PromoterOptions.defaults().withWorkRoot(tmp.resolve("work"))), GitCredentials.ANONYMOUS,
                new InMemoryStateStore(), clock, RolloutListener.NONE, RolloutContext.RetryPolicy.DEFAULT,
                ChaosExperiments.NONE,
                argoCd.verifier(clock)));
    }

    @Test
    void shouldCallItPromotedOnlyWhenArgoCdIsSyncedAndHealthyAtTheCommit() throws Exception {
        RolloutState s = runUntilVerifying();
        String commit = s.events().get(s.events().size() - 1).commitId();
        assertThat(argoCd.requestedRevision()).isEqualTo(commit);

        clock.advance(Duration.ofSeconds(10));
        assertThat(engine.advance().phase()).as("nothing synced yet").isEqualTo(RolloutPhase.VERIFYING);

        argoCd.finished(commit, "Healthy");
        clock.advance(Duration.ofSeconds(10));
        RolloutState end = engine.advance();

        assertThat(end.phase()).isEqualTo(RolloutPhase.PROMOTED);
        assertThat(end.events().get(end.events().size() - 1).message()).contains("Synced and Healthy at " + commit.substring(0, 12));
        assertThat(env.file()).contains("\"1.5.0\"");
    }

    @Test
    void shouldRevertThePromotionCommitWhenTheAppIsDegradedAtIt() throws Exception {
        RolloutState s = runUntilVerifying();
        String commit = s.events().get(s.events().size() - 1).commitId();

        argoCd.finished(commit, "Degraded");
        clock.advance(Duration.ofSeconds(10));
        RolloutState end = engine.advance();

        assertThat(end.phase()).isEqualTo(RolloutPhase.ROLLED_BACK);
        assertThat(end.outcome()).contains("Degraded");
        assertThat(env.file()).isEqualTo(EnvRepoFixture.VALUES);
        assertThat(env.trailers()).hasSize(3);
        assertThat(env.trailers().get(2)).containsEntry("Step", "revert-promotion").containsEntry("Verdict", "FAILED");
    }

    @Test
    void shouldRevertThePromotionWhenAbortedWhileArgoCdSyncs() throws Exception {
        runUntilVerifying();

        engine.abort("build aborted by alice");
        RolloutState end = engine.advance();

        assertThat(end.phase()).isEqualTo(RolloutPhase.ABORTED);
        assertThat(env.file()).isEqualTo(EnvRepoFixture.VALUES);
        assertThat(env.trailers().get(2)).containsEntry("Step", "revert-promotion").doesNotContainKey("Verdict");
        assertThat(end.events().get(end.events().size() - 1).message()).startsWith("aborted: reverted promotion commit");
    }

    @Test
    void shouldRevertWhenArgoCdNeverGetsThereInTime() throws Exception {
        runUntilVerifying();

        RolloutState s = engine.advance();
        for (int i = 0; i < 100 && !s.phase().isTerminal(); i++) {
            clock.advanceTo(s.waitUntil());
            s = engine.advance();
        }

        assertThat(s.phase()).isEqualTo(RolloutPhase.ROLLED_BACK);
        assertThat(s.outcome()).contains("timed out after PT5M");
        assertThat(env.file()).isEqualTo(EnvRepoFixture.VALUES);
    }

    private RolloutState runUntilVerifying() throws Exception {
        engine.start();
        RolloutState s = engine.advance();
        while (s.phase() != RolloutPhase.VERIFYING) {
            assertThat(s.phase().isTerminal()).as("ended before verifying: " + s.outcome()).isFalse();
            clock.advanceTo(s.waitUntil());
            s = engine.advance();
        }
        return s;
    }
}
