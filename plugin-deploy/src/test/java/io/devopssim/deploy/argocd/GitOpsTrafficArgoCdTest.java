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
import io.devopssim.deploy.CrashingStore;
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

    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
    private SimulatedClock clock = new SimulatedClock(T0);
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
        s = engine.advance();

        assertThat(s.phase()).as("the promotion's rollback waits for Argo CD at the reverts").isEqualTo(RolloutPhase.ROLLING_BACK);
        assertThat(steps(git.history(repo, "main"))).containsExactly("traffic-step-1", "traffic-step-3",
                "traffic-revert-step-3", "traffic-revert-step-1");
        assertThat(argoCd.requestedRevision()).isEqualTo(head());
        argoCd.finished(head(), "Healthy");
        clock.advance(Duration.ofSeconds(10));
        RolloutState end = engine.advance();

        assertThat(end.phase()).isEqualTo(RolloutPhase.ROLLED_BACK);
        assertThat(end.events()).extracting(RolloutEvent::message)
                .anyMatch(m -> m.startsWith("rollback applied at commit "));
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
        s = engine.advance();
        assertThat(s.phase()).isEqualTo(RolloutPhase.ROLLING_BACK);
        assertThat(argoCd.requestedRevision()).as("the revert of the cut-over is synced first").isEqualTo(head());
        argoCd.finished(head(), "Healthy");
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

    @Test
    @DisplayName("a rolling update's rollback reverts one batch at a time, each once Argo CD applied the one before")
    void shouldWaitForArgoCdAtEveryRevertOfARollingRollback() throws Exception {
        engine = engine(ROLLING_HEALTH);
        engine.start();
        RolloutState s = engine.advance();
        Map<String, String> health = Map.of("traffic-batch-2", "Degraded");
        s = runUntil(s, health, "traffic-revert-batch-2");

        assertThat(s.phase()).isEqualTo(RolloutPhase.ROLLING_BACK);
        assertThat(steps(git.history(repo, "main"))).containsExactly("traffic-batch-1", "traffic-batch-2",
                "traffic-revert-batch-2");
        assertThat(argoCd.requestedRevision()).as("a sync of the revert asked for").isEqualTo(head());
        for (int i = 0; i < 3; i++) {
            clock.advanceTo(s.waitUntil());
            s = engine.advance();
        }
        assertThat(steps(git.history(repo, "main"))).as("batch 1 stays until Argo CD applied the revert of batch 2")
                .endsWith("traffic-revert-batch-2");

        argoCd.finished(head(), "Healthy");
        clock.advanceTo(s.waitUntil());
        s = engine.advance();
        assertThat(s.phase()).isEqualTo(RolloutPhase.ROLLING_BACK);
        assertThat(steps(git.history(repo, "main"))).as("the rollback commit waits for the revert of batch 1")
                .endsWith("traffic-revert-batch-2", "traffic-revert-batch-1");
        assertThat(argoCd.requestedRevision()).isEqualTo(head());

        argoCd.finished(head(), "Healthy");
        clock.advanceTo(s.waitUntil());
        RolloutState end = engine.advance();
        assertThat(end.phase()).isEqualTo(RolloutPhase.ROLLED_BACK);
        assertThat(steps(git.history(repo, "main"))).containsExactly("traffic-batch-1", "traffic-batch-2",
                "traffic-revert-batch-2", "traffic-revert-batch-1", "rollback");
        assertThat(end.events()).extracting(RolloutEvent::message).filteredOn(m -> m.startsWith("rollback applied at commit"))
                .hasSize(2);
        assertThat(git.readFile(repo, "main", "apps/checkout/canary.yaml")).isEqualTo(CANARY);
    }

    @Test
    @DisplayName("a revert Argo CD reports Degraded or never syncs is recorded, and the rollback still completes in Git")
    void shouldCompleteTheRollbackInGitWhenARevertIsDegradedOrTimesOut() throws Exception {
        engine = engine(ROLLING_HEALTH);
        engine.start();
        RolloutState s = engine.advance();
        s = runUntil(s, Map.of("traffic-batch-2", "Degraded"), "traffic-revert-batch-2");
        argoCd.finished(head(), "Degraded");
        clock.advanceTo(s.waitUntil());
        s = engine.advance();
        assertThat(steps(git.history(repo, "main"))).as("Degraded at a revert: the next revert goes on")
                .endsWith("traffic-revert-batch-2", "traffic-revert-batch-1");

        // Argo CD never syncs the revert of batch 1: the 5-minute timeout ends the wait
        for (int i = 0; i < 100 && !s.phase().isTerminal(); i++) {
            clock.advanceTo(s.waitUntil());
            s = engine.advance();
        }

        assertThat(s.phase()).isEqualTo(RolloutPhase.ROLLED_BACK);
        assertThat(steps(git.history(repo, "main"))).endsWith("traffic-revert-batch-1", "rollback");
        assertThat(git.readFile(repo, "main", "apps/checkout/canary.yaml")).isEqualTo(CANARY);
        assertThat(s.outcome()).contains("was not applied: checkout-prod is Degraded at")
                .contains("was not applied: timed out after PT5M");
        assertThat(s.events()).filteredOn(e -> e.kind() == RolloutEvent.Kind.FAILED).extracting(RolloutEvent::message)
                .anyMatch(m -> m.startsWith("rollback: the rollback's commit") && m.endsWith("going on with the rollback in Git"))
                .hasSize(3);
    }

    @Test
    @DisplayName("stopped at every save of a rollback waiting for Argo CD, it resumes as an uninterrupted run, no commit twice")
    void shouldResumeARollbackWaitingForArgoCdWhenStoppedAtEverySave() throws Exception {
        Map<String, String> health = Map.of("traffic-batch-2", "Degraded");
        CrashingStore counted = CrashingStore.counting(new InMemoryStateStore());
        RolloutState expected = crashOrRun(counted, health, null);
        List<String> expectedSteps = steps(git.history(repo, "main"));
        String canaryFile = git.readFile(repo, "main", "apps/checkout/canary.yaml");
        assertThat(expected.phase()).isEqualTo(RolloutPhase.ROLLED_BACK);
        assertThat(expectedSteps).containsExactly("traffic-batch-1", "traffic-batch-2", "traffic-revert-batch-2",
                "traffic-revert-batch-1", "rollback");
        int rollbackFrom = savesBeforeRollback;
        assertThat(counted.saves() - rollbackFrom).as("saves during the rollback").isGreaterThanOrEqualTo(5);

        for (int crashAt = rollbackFrom; crashAt <= counted.saves(); crashAt++) {
            String as = "crash at save " + crashAt + " of " + counted.saves();
            repo = "env-" + REPOS.incrementAndGet();
            argoCd.reset();
            clock = new SimulatedClock(T0); // the fleet's metrics are those of the same minutes
            InMemoryStateStore durable = new InMemoryStateStore();
            RolloutState end = crashOrRun(new CrashingStore(durable, crashAt), health, durable);

            assertThat(end.phase()).as(as).isEqualTo(RolloutPhase.ROLLED_BACK);
            assertThat(timeline(end)).as(as).isEqualTo(timeline(expected));
            assertThat(steps(git.history(repo, "main"))).as(as + ": no revert twice").isEqualTo(expectedSteps);
            assertThat(git.readFile(repo, "main", "apps/checkout/canary.yaml")).as(as).isEqualTo(canaryFile);
        }
    }

    private static final String ROLLING_HEALTH = "strategy: rolling\nrolling: {maxSurge: 1, maxUnavailable: 1, healthCheck: "
            + HEALTH + "}\n";
    private int savesBeforeRollback;

    /**
     * Runs a rolling update on a new repository to its end, Argo CD finishing every sync asked for with the health
     * {@code health} names for the commit's step (Healthy otherwise); a crash resumes from {@code durable}.
     */
    private RolloutState crashOrRun(CrashingStore store, Map<String, String> health, InMemoryStateStore durable)
            throws Exception {
        String url = git.createRepository(repo, GitOpsTraffic.files());
        RolloutSpec spec = GitOpsTraffic.spec(url, ROLLING_HEALTH, ", waitForSync: true",
                "cluster: {context: test}\nargocd: {application: checkout-prod, timeout: 5m}\n");
        FleetSimulator fleet = new FleetSimulator(spec.simulation(), clock);
        try {
            engine = GitOpsTraffic.engine(spec, promoter, credentials, fleet, store, clock, RolloutContext.RetryPolicy.DEFAULT,
                    argoCd.verifier(clock));
            return drive(engine.start(), health, store);
        } catch (CrashingStore.Crash crash) {
            engine = GitOpsTraffic.engine(spec, promoter, credentials, fleet, durable, clock,
                    RolloutContext.RetryPolicy.DEFAULT, argoCd.verifier(clock));
            return drive(engine.start(), health, null);
        }
    }

    private RolloutState drive(RolloutState s, Map<String, String> health, CrashingStore counting) throws Exception {
        for (int i = 0; i < 200 && !s.phase().isTerminal(); i++) {
            playArgoCd(health);
            if (s.waitUntil() != null) {
                clock.advanceTo(s.waitUntil());
            }
            int before = counting == null ? 0 : counting.saves();
            s = engine.advance();
            if (counting != null && s.phase() == RolloutPhase.ROLLING_BACK && savesBeforeRollback == 0) {
                savesBeforeRollback = before + 1; // this advance's first save ended batch 2 and began the rollback
            }
        }
        return s;
    }

    /** Argo CD finishes the sync asked for, with the health {@code health} names for the commit's step. */
    private void playArgoCd(Map<String, String> health) throws Exception {
        Object requested = argoCd.requestedRevision();
        if (requested != null) {
            argoCd.finished(requested.toString(), health.getOrDefault(step(requested.toString()), "Healthy"));
        }
    }

    /** Runs until the newest commit is {@code step}'s, Argo CD finishing each sync with the health named for its step. */
    private RolloutState runUntil(RolloutState s, Map<String, String> health, String step) throws Exception {
        for (int i = 0; i < 100 && !step.equals(step(head())); i++) {
            playArgoCd(health);
            clock.advanceTo(s.waitUntil());
            s = engine.advance();
        }
        assertThat(step(head())).isEqualTo(step);
        return s;
    }

    private String step(String commit) throws Exception {
        for (RevCommit c : git.history(repo, "main")) {
            if (c.name().equals(commit)) {
                return trailers(c).get("Step");
            }
        }
        return null;
    }

    private String head() throws Exception {
        return git.history(repo, "main").get(0).name();
    }

    /** The timeline without times and commit ids, which differ between repositories and between resumed runs. */
    private static List<String> timeline(RolloutState s) {
        return s.events().stream().map(e -> e.kind() + "@" + e.weight() + "@" + e.message()
                .replace(" (already in history)", "").replaceAll("\\b[0-9a-f]{7,40}\\b", "?")).toList();
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
