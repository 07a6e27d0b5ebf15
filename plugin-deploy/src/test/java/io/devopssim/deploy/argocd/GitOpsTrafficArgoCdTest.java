package io.devopssim.deploy.argocd;

import io.devopssim.core.gitops.GitCredentials;
import io.devopssim.core.gitops.GitPromoter;
import io.devopssim.core.gitops.PromoterOptions;
import io.devopssim.core.sim.FleetSimulator;
import io.devopssim.core.spec.RolloutSpec;
import io.devopssim.core.state.InMemoryStateStore;
import io.devopssim.core.state.RolloutEvent;
import io.devopssim.core.state.RolloutPhase;
import io.devopssim.core.state.RolloutState;
import io.devopssim.core.testing.GitHttpTestServer;
import io.devopssim.core.time.SimulatedClock;
import io.devopssim.deploy.GitOpsTraffic;
import io.devopssim.deploy.RolloutEngine;
import io.devopssim.deploy.RolloutContext;
import io.devopssim.deploy.routing.Crds;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.eclipse.jgit.revwalk.FooterLine;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GitOps traffic with {@code waitForSync}: each weight is a commit, and the canary goes on only once Argo CD
 * reports the Application Synced and Healthy at it. The environment repository is a real Git server over
 * HTTP; the Application lives on fabric8's CRUD mock, and the test plays Argo CD's controller.
 */
@EnableKubernetesMockClient(crud = true)
class GitOpsTrafficArgoCdTest {
    private static final String PASSWORD = UUID.randomUUID().toString();
    private static final String VALUES = GitOpsTraffic.VALUES;
    private static final String CANARY = GitOpsTraffic.WEIGHT;
    private static final AtomicInteger REPOS = new AtomicInteger();
    private static final String CANARY_STEPS = GitOpsTraffic.CANARY_STEPS;
    private static final String HEALTH = "{window: 1m, metrics: [{metric: error_rate, max: 0.02}]}";
    private static GitHttpTestServer git;

    static KubernetesMockServer server;
    static KubernetesClient client;
    private final PlayedArgoCd argoCd = new PlayedArgoCd(client);

    private final SimulatedClock clock = new SimulatedClock(Instant.parse("2026-11-23T09:00:00Z"));
    private final GitCredentials credentials = new GitCredentials("deployer", PASSWORD.toCharArray());
    private String repo;
    private GitPromoter promoter;
    private RolloutEngine engine;

    @BeforeAll
    static void setUpServers() throws Exception {
        Crds.register(client, "argocd/application-crd.yaml");
        git = new GitHttpTestServer("deployer", PASSWORD);
    }

    @AfterAll
    static void stopGit() {
        git.close();
    }

    @BeforeEach
    void setUp() throws Exception {
        argoCd.reset();
        repo = "env-" + REPOS.incrementAndGet();
        promoter = new GitPromoter(PromoterOptions.defaults());
    }

    /** A rollout of {@code strategy} on a new repository, Argo CD waited for after each weight commit. */
    private RolloutEngine engine(String strategy) throws Exception {
        String url = git.createRepository(repo, GitOpsTraffic.files());
        RolloutSpec spec = GitOpsTraffic.spec(url, strategy, ", waitForSync: true",
                "cluster: {context: test}\nargocd: {application: checkout-prod, timeout: 5m}\n");
        return GitOpsTraffic.engine(spec, promoter, credentials, new FleetSimulator(spec.simulation(), clock),
                new InMemoryStateStore(), clock, RolloutContext.RetryPolicy.DEFAULT, argoCd.verifier(clock));
    }

    @AfterEach
    void closePromoter() {
        promoter.close();
    }

    @Test
    @DisplayName("the canary holds at each weight until Argo CD is Synced and Healthy at that weight's commit")
    void shouldGoOnOnlyWhenArgoCdAppliedTheWeightCommit() throws Exception {
        engine = engine(CANARY_STEPS);
        engine.start();
        RolloutState s = engine.advance();
        String weightCommit = lastCommit(s);

        assertThat(s.phase()).isEqualTo(RolloutPhase.PROGRESSING);
        assertThat(s.stepIndex()).as("still at setWeight 10").isZero();
        assertThat(weightCommit).isEqualTo(git.history(repo, "main").get(0).name());
        assertThat(argoCd.requestedRevision()).as("sync requested").isEqualTo(weightCommit);

        clock.advance(Duration.ofSeconds(10));
        assertThat(engine.advance().stepIndex()).as("Argo CD has not synced yet").isZero();

        argoCd.finished(weightCommit, "Healthy");
        clock.advance(Duration.ofSeconds(10));
        s = engine.advance();
        assertThat(s.stepIndex()).as("on to the pause").isEqualTo(1);
        assertThat(s.events()).extracting(RolloutEvent::message)
                .anyMatch(m -> m.startsWith("step 1/4 setWeight 10 applied: checkout-prod is Synced and Healthy at"));

        RolloutState end = runPlayingArgoCd(s, "Healthy");

        assertThat(end.phase()).isEqualTo(RolloutPhase.PROMOTED);
        List<RevCommit> history = git.history(repo, "main");
        assertThat(steps(history)).containsExactly("traffic-step-1", "traffic-step-3", "promote", "traffic-promote");
        assertThat(end.events().get(end.events().size() - 1).message())
                .as("the promotion is checked at the newest commit, the canary's weight reset")
                .contains("Synced and Healthy at " + history.get(0).name().substring(0, 12));
        assertThat(git.readFile(repo, "main", "apps/checkout/canary.yaml")).isEqualTo(CANARY);
    }

    @Test
    void shouldRollBackWhenTheAppIsDegradedAtAWeightCommit() throws Exception {
        engine = engine(CANARY_STEPS);
        engine.start();
        RolloutState s = engine.advance();
        argoCd.finished(lastCommit(s), "Healthy");
        s = advanceUntilStep(s, 2);
        s = engine.advance(); // setWeight 50 committed; waiting for Argo CD
        String fifty = lastCommit(s);

        argoCd.finished(fifty, "Degraded");
        clock.advance(Duration.ofSeconds(10));
        RolloutState end = engine.advance();

        assertThat(end.phase()).isEqualTo(RolloutPhase.ROLLED_BACK);
        assertThat(end.outcome()).startsWith("deployment failed at canary weight 50: checkout-prod is Degraded at");
        assertThat(steps(git.history(repo, "main"))).as("the weights taken back by revert commits, newest first")
                .containsExactly("traffic-step-1", "traffic-step-3", "traffic-revert-step-3", "traffic-revert-step-1", "rollback");
        assertThat(git.readFile(repo, "main", "apps/checkout/canary.yaml")).isEqualTo(CANARY);
        assertThat(git.readFile(repo, "main", "apps/checkout/values.yaml")).isEqualTo(VALUES);
    }

    @Test
    @DisplayName("a blue-green cut-over is one commit; the promotion waits until Argo CD is Synced and Healthy at it")
    void shouldWaitForArgoCdAtTheCutOverCommit() throws Exception {
        engine = engine("strategy: blueGreen\nblueGreen: {scaleDownDelaySeconds: 60}\n");
        engine.start();
        RolloutState s = engine.advance();
        String cutOver = lastCommit(s);

        assertThat(s.phase()).isEqualTo(RolloutPhase.PROGRESSING);
        assertThat(s.stepIndex()).as("still at the cut-over").isZero();
        assertThat(cutOver).isEqualTo(git.history(repo, "main").get(0).name());
        assertThat(argoCd.requestedRevision()).isEqualTo(cutOver);
        clock.advance(Duration.ofSeconds(10));
        assertThat(engine.advance().stepIndex()).as("Argo CD has not synced yet").isZero();

        RolloutState end = runPlayingArgoCd(s, "Healthy");

        assertThat(end.phase()).isEqualTo(RolloutPhase.PROMOTED);
        assertThat(end.events()).extracting(RolloutEvent::message)
                .anyMatch(m -> m.startsWith("cut-over applied: checkout-prod is Synced and Healthy at"));
        List<RevCommit> history = git.history(repo, "main");
        assertThat(steps(history)).containsExactly("traffic-cut-over", "promote");
        assertThat(trailers(history.get(1))).containsEntry("Strategy", "blueGreen").containsEntry("Canary-Weight", "100");
    }

    @Test
    @DisplayName("Degraded at the cut-over commit: the rollout fails fast and reverts the cut-over")
    void shouldRevertTheCutOverWhenTheAppIsDegradedAtIt() throws Exception {
        engine = engine("strategy: blueGreen\nblueGreen: {scaleDownDelaySeconds: 60}\n");
        engine.start();
        RolloutState s = engine.advance();

        argoCd.finished(lastCommit(s), "Degraded");
        clock.advance(Duration.ofSeconds(10));
        RolloutState end = engine.advance();

        assertThat(end.phase()).isEqualTo(RolloutPhase.ROLLED_BACK);
        assertThat(end.outcome()).startsWith("deployment failed at canary weight 100: checkout-prod is Degraded at");
        assertThat(steps(git.history(repo, "main"))).containsExactly("traffic-cut-over", "traffic-revert-cut-over", "rollback");
        assertThat(git.readFile(repo, "main", "apps/checkout/canary.yaml")).isEqualTo(CANARY);
        assertThat(git.readFile(repo, "main", "apps/checkout/values.yaml")).isEqualTo(VALUES);
    }

    @Test
    @DisplayName("each batch of a rolling update is one commit with a Batch trailer, health checked once Argo CD applied it")
    void shouldWaitForArgoCdAtEveryBatchCommit() throws Exception {
        engine = engine("strategy: rolling\nrolling: {maxSurge: 1, maxUnavailable: 1, healthCheck: " + HEALTH + "}\n");
        engine.start();
        RolloutState s = engine.advance();
        String first = lastCommit(s);
        clock.advance(Duration.ofSeconds(10));
        assertThat(engine.advance().stepIndex()).as("batch 1 waits for Argo CD").isZero();

        RolloutState end = runPlayingArgoCd(s, "Healthy");

        assertThat(end.phase()).isEqualTo(RolloutPhase.PROMOTED);
        List<RevCommit> history = git.history(repo, "main");
        assertThat(steps(history)).containsExactly("traffic-batch-1", "traffic-batch-2", "promote");
        assertThat(history.get(2).name()).isEqualTo(first);
        assertThat(trailers(history.get(2))).containsEntry("Strategy", "rolling").containsEntry("Batch", "1/2")
                .containsEntry("Canary-Weight", "50");
        assertThat(end.events()).extracting(RolloutEvent::message)
                .anyMatch(m -> m.startsWith("batch 2/2 applied: checkout-prod is Synced and Healthy at"));
    }

    private static Map<String, String> trailers(RevCommit c) {
        Map<String, String> t = new java.util.LinkedHashMap<>();
        c.getFooterLines().forEach(f -> t.put(f.getKey(), f.getValue()));
        return t;
    }

    /** The commit the last event names: the weight commit a step waits at. */
    private static String lastCommit(RolloutState s) {
        return s.events().get(s.events().size() - 1).commitId();
    }

    private RolloutState advanceUntilStep(RolloutState s, int step) throws Exception {
        while (s.stepIndex() < step) {
            clock.advanceTo(s.waitUntil());
            s = engine.advance();
        }
        return s;
    }

    /** Runs to the end, finishing every sync Argo CD is asked for with the given health. */
    private RolloutState runPlayingArgoCd(RolloutState s, String health) throws Exception {
        for (int i = 0; i < 100 && !s.phase().isTerminal(); i++) {
            Object requested = argoCd.requestedRevision();
            if (requested != null) {
                argoCd.finished(requested.toString(), health);
            }
            clock.advanceTo(s.waitUntil());
            s = engine.advance();
        }
        return s;
    }

    private static List<String> steps(List<RevCommit> newestFirst) {
        List<String> steps = new ArrayList<>();
        for (RevCommit c : newestFirst) {
            c.getFooterLines().stream().filter(f -> f.getKey().equals("Step")).map(FooterLine::getValue).findFirst()
                    .ifPresent(step -> steps.add(0, step));
        }
        return steps;
    }
}
