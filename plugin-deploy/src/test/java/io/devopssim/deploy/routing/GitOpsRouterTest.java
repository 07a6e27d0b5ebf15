package io.devopssim.deploy.routing;

import io.devopssim.core.gitops.GitCredentials;
import io.devopssim.core.gitops.GitPromoter;
import io.devopssim.core.gitops.PromoterOptions;
import io.devopssim.core.gitops.ValueLocator;
import io.devopssim.core.spec.CredentialsSpec;
import io.devopssim.core.spec.TrafficSpec;
import io.devopssim.core.testing.GitHttpTestServer;
import io.devopssim.core.traffic.TrafficChange;
import io.devopssim.core.traffic.TrafficRoutingException;
import org.eclipse.jgit.revwalk.FooterLine;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The GitOps router against a real Git server over HTTP (core's GitHttpTestServer on 127.0.0.1). */
class GitOpsRouterTest {
    static final String FILE = "apps/checkout/canary.yaml";
    static final String CANARY = """
            # canary traffic of checkout, applied by Argo CD
            canary:
              enabled: true
              weight: 0     # percent of requests
            """;
    private static final AtomicInteger REPOS = new AtomicInteger();
    private static final String PASSWORD = UUID.randomUUID().toString();
    private static GitHttpTestServer server;

    private String repo;
    private String url;
    private GitPromoter promoter;
    private final GitCredentials credentials = new GitCredentials("deployer", PASSWORD.toCharArray());

    @BeforeAll
    static void startServer() throws Exception {
        server = new GitHttpTestServer("deployer", PASSWORD);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void createRepository() throws Exception {
        repo = "env-" + REPOS.incrementAndGet();
        url = server.createRepository(repo, Map.of(FILE, CANARY));
        promoter = new GitPromoter(PromoterOptions.defaults().withBackoff(Duration.ofMillis(5), Duration.ofMillis(50)));
    }

    @AfterEach
    void closePromoter() {
        promoter.close();
    }

    private GitOpsRouter router(String rolloutId, boolean waitForSync) {
        return new GitOpsRouter(promoter, new TrafficSpec.GitOps(url, "main", FILE, new ValueLocator.HelmValue("canary.weight"),
                CredentialsSpec.NONE, waitForSync), credentials, rolloutId, "checkout");
    }

    @Test
    @DisplayName("each weight change is one commit with Rollout-Id, Step and Canary-Weight trailers; only the value's bytes change")
    void shouldCommitEachChangeOnceWithItsTrailers() throws Exception {
        GitOpsRouter router = router("checkout-1.5.0", false);

        router.changeCanaryWeight(change("step-1", 10));
        router.changeCanaryWeight(change("step-3", 50));

        List<RevCommit> history = server.history(repo, "main");
        assertThat(history).hasSize(3);
        assertThat(trailers(history.get(1))).containsExactly(Map.entry("Rollout-Id", "checkout-1.5.0"),
                Map.entry("Step", "traffic-step-1"), Map.entry("Strategy", "canary"), Map.entry("Canary-Weight", "10"));
        assertThat(trailers(history.get(0))).containsEntry("Step", "traffic-step-3").containsEntry("Canary-Weight", "50");
        assertThat(history.get(0).getShortMessage()).isEqualTo("Set the canary weight of checkout to 50% (step-3)");
        assertThat(server.readFile(repo, "main", FILE)).isEqualTo(CANARY.replace("weight: 0", "weight: 50"));
        assertThat(router.canaryWeight()).as("read back from the branch").isEqualTo(50);
    }

    @Test
    void shouldWriteNothingForAWeightTheRepositoryAlreadyHolds() throws Exception {
        GitOpsRouter router = router("checkout-1.5.0", false);
        router.changeCanaryWeight(change("step-1", 20));
        long pushes = server.pushCount();

        assertThat(router.changeCanaryWeight(change("step-2", 20))).isEmpty();
        router.setCanaryWeight(20);

        assertThat(server.pushCount()).isEqualTo(pushes);
        assertThat(server.history(repo, "main")).hasSize(2);
    }

    @Test
    @DisplayName("a resumed rollout repeating its last change, or restoring its saved weight, commits nothing")
    void shouldNeverCommitAChangeTwiceWhenResumed() throws Exception {
        Optional<String> first = router("checkout-1.5.0", true).changeCanaryWeight(change("step-1", 10));
        long pushes = server.pushCount();

        // a new process: the state saved before the change says weight 0; the repository says 10
        GitOpsRouter resumed = router("checkout-1.5.0", true);
        resumed.restoreCanaryWeight(0);
        Optional<String> again = resumed.changeCanaryWeight(change("step-1", 10));

        assertThat(first).isPresent();
        assertThat(again).as("the commit to wait for is found again in history").isEqualTo(first);
        assertThat(server.pushCount()).isEqualTo(pushes);
        assertThat(server.history(repo, "main")).hasSize(2);
        assertThat(resumed.canaryWeight()).isEqualTo(10);
    }

    @Test
    void shouldLandExactlyOneCommitWhenAnotherWriterMovesTheBranchDuringThePush() throws Exception {
        server.interfereWithNextPushes(1);

        Optional<String> commit = router("checkout-1.5.0", true).changeCanaryWeight(change("step-1", 30));

        List<RevCommit> history = server.history(repo, "main");
        assertThat(server.interferenceCount()).isEqualTo(1);
        assertThat(history).hasSize(3); // seed, the other writer's commit, ours on top of it
        assertThat(history.get(0).name()).isEqualTo(commit.orElseThrow());
        assertThat(history.stream().filter(c -> "traffic-step-1".equals(trailers(c).get("Step")))).hasSize(1);
        assertThat(server.readFile(repo, "main", FILE)).contains("weight: 30");
    }

    @Test
    void shouldRefuseToRepeatAChangeWhenSomeoneMovedTheWeightSince() throws Exception {
        GitOpsRouter router = router("checkout-1.5.0", false);
        router.changeCanaryWeight(change("step-1", 10));
        router("someone-else", false).changeCanaryWeight(change("manual", 0));

        assertThatThrownBy(() -> router.changeCanaryWeight(change("step-1", 10)))
                .isInstanceOf(TrafficRoutingException.class)
                .hasMessageContaining("canary weight 10 (step-1) of rollout checkout-1.5.0 was committed in")
                .hasMessageContaining("holds 0 now: something else changed it since");
        assertThat(server.history(repo, "main")).hasSize(3);
    }

    @Test
    void shouldSayWhatTheFileHoldsWhenItIsNotAWeight() throws Exception {
        String other = server.createRepository(repo + "-text", Map.of(FILE, "canary:\n  weight: half\n"));
        GitOpsRouter router = new GitOpsRouter(promoter, new TrafficSpec.GitOps(other, "main", FILE,
                new ValueLocator.HelmValue("canary.weight"), CredentialsSpec.NONE, false), credentials, "r1", "checkout");

        assertThatThrownBy(router::canaryWeight).isInstanceOf(TrafficRoutingException.class)
                .hasMessage(FILE + " helm canary.weight holds \"half\", not a canary weight (an integer 0..100)");
        assertThatThrownBy(() -> router.changeCanaryWeight(change("step-1", 10))).isInstanceOf(TrafficRoutingException.class);
        assertThat(server.history(repo + "-text", "main")).hasSize(1);
    }

    @Test
    void shouldNameTheRepositoryButNeverThePasswordWhenItCannotPush() {
        GitOpsRouter router = new GitOpsRouter(promoter, new TrafficSpec.GitOps(url, "main", FILE,
                new ValueLocator.HelmValue("canary.weight"), CredentialsSpec.NONE, false),
                new GitCredentials("deployer", "wrong-password".toCharArray()), "r1", "checkout");

        assertThatThrownBy(() -> router.changeCanaryWeight(change("step-1", 10)))
                .isInstanceOf(TrafficRoutingException.class)
                .hasMessageContaining(url)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("wrong-password").doesNotContain(PASSWORD));
    }

    @Test
    @DisplayName("taking traffic back reverts the rollout's weight commits newest first, each once, down to the weight asked")
    void shouldTakeTrafficBackByRevertingItsCommitsNewestFirst() throws Exception {
        GitOpsRouter router = router("checkout-1.5.0", true);
        router.changeCanaryWeight(new TrafficChange("batch-1", 20, "rolling", "1/3"));
        router.changeCanaryWeight(new TrafficChange("batch-2", 40, "rolling", "2/3"));
        String third = router.changeCanaryWeight(new TrafficChange("batch-3", 60, "rolling", "3/3")).orElseThrow();

        Optional<String> toFirst = router.takeBack(new TrafficChange("rollback-to-20", 20, "rolling", "1/3"));
        long pushes = server.pushCount();
        Optional<String> again = router("checkout-1.5.0", true).takeBack(new TrafficChange("rollback-to-20", 20, "rolling", "1/3"));

        List<RevCommit> history = server.history(repo, "main");
        assertThat(history).hasSize(6);
        assertThat(toFirst).contains(history.get(0).name());
        assertThat(again).as("nothing reverted twice; the newest traffic commit holds the weight").isEqualTo(toFirst);
        assertThat(server.pushCount()).isEqualTo(pushes);
        assertThat(history.get(1).getFullMessage()).contains("This reverts commit " + third + ".");
        assertThat(trailers(history.get(1))).containsEntry("Step", "traffic-revert-batch-3").containsEntry("Strategy", "rolling")
                .containsEntry("Canary-Weight", "40").containsEntry("Batch", "2/3");
        assertThat(trailers(history.get(0))).containsEntry("Step", "traffic-revert-batch-2").containsEntry("Canary-Weight", "20");
        assertThat(router.canaryWeight()).isEqualTo(20);

        router.takeBack(change("rollback", 0));

        assertThat(trailers(server.history(repo, "main").get(0))).containsEntry("Step", "traffic-revert-batch-1")
                .doesNotContainKey("Canary-Weight"); // the weight before the rollout's first change was never read
        assertThat(server.readFile(repo, "main", FILE)).isEqualTo(CANARY);
    }

    @Test
    @DisplayName("a revert that conflicts with a later commit gives way to a commit of the weight: traffic back comes first")
    void shouldCommitTheWeightWhenARevertConflicts() throws Exception {
        GitOpsRouter router = router("checkout-1.5.0", false);
        router.changeCanaryWeight(change("step-1", 10));
        router("someone-else", false).changeCanaryWeight(change("manual", 15));

        router.takeBack(change("rollback", 0));

        List<RevCommit> history = server.history(repo, "main");
        assertThat(history).hasSize(4);
        assertThat(trailers(history.get(0))).containsEntry("Step", "traffic-rollback").containsEntry("Canary-Weight", "0");
        assertThat(router.canaryWeight()).isZero();
    }

    @Test
    @DisplayName("an HTTPRoute kept in Git: both backends' weights change in one commit, one edit of the file")
    void shouldChangeBothBackendWeightsInOneCommit() throws Exception {
        String route = """
                apiVersion: gateway.networking.k8s.io/v1
                kind: HTTPRoute
                metadata: {name: checkout}
                spec:
                  rules:
                    - name: split
                      backendRefs:
                        - name: checkout-stable
                          weight: 100   # stable
                        - name: checkout-canary
                          weight: 0     # canary
                """;
        String routes = server.createRepository(repo + "-route", Map.of("apps/checkout/route.yaml", route));
        GitOpsRouter router = new GitOpsRouter(promoter, new TrafficSpec.GitOps(routes, "main", "apps/checkout/route.yaml",
                new ValueLocator.YamlPath("spec.rules[0].backendRefs[1].weight"), CredentialsSpec.NONE, false,
                new ValueLocator.YamlPath("spec.rules[0].backendRefs[0].weight")), credentials, "checkout-1.5.0", "checkout");

        router.changeCanaryWeight(new TrafficChange("cut-over", 100, "blueGreen"));
        long pushes = server.pushCount();
        router.changeCanaryWeight(new TrafficChange("cut-over", 100, "blueGreen"));

        List<RevCommit> history = server.history(repo + "-route", "main");
        assertThat(history).hasSize(2);
        assertThat(server.pushCount()).as("both weights held: nothing to write").isEqualTo(pushes);
        assertThat(trailers(history.get(0))).containsEntry("Step", "traffic-cut-over").containsEntry("Strategy", "blueGreen")
                .containsEntry("Canary-Weight", "100").containsEntry("Stable-Weight", "0");
        assertThat(server.readFile(repo + "-route", "main", "apps/checkout/route.yaml")).isEqualTo(route
                .replace("weight: 100   # stable", "weight: 0   # stable").replace("weight: 0     # canary", "weight: 100     # canary"));
        assertThat(router.canaryWeight()).isEqualTo(100);

        router.takeBack(new TrafficChange("rollback", 0, "blueGreen"));

        assertThat(server.readFile(repo + "-route", "main", "apps/checkout/route.yaml")).isEqualTo(route);
        assertThat(server.history(repo + "-route", "main")).hasSize(3);
    }

    static TrafficChange change(String name, int percent) {
        return new TrafficChange(name, percent, "canary");
    }

    static Map<String, String> trailers(RevCommit c) {
        Map<String, String> t = new LinkedHashMap<>();
        for (FooterLine f : c.getFooterLines()) {
            t.put(f.getKey(), f.getValue());
        }
        return t;
    }
}
