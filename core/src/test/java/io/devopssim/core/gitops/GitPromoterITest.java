package io.devopssim.core.gitops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.devopssim.core.gitops.ValueLocator.HelmValue;
import io.devopssim.core.model.Verdict;
import io.devopssim.core.testing.GitHttpTestServer;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link GitPromoter} against a real Git server over HTTP with Basic authentication, on 127.0.0.1. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GitPromoterITest {
    private static final String USER = "deployer";
    private static final String PASSWORD = "s3cret-Token-42";
    private static final GitCredentials CREDENTIALS = new GitCredentials(USER, PASSWORD.toCharArray());
    private static final String FILE = "apps/checkout/values.yaml";
    private static final HelmValue TAG = new HelmValue("image.tag");
    private static final String VALUES = """
            # checkout: values for production
            image:
              repository: registry.example.com/shop/checkout
              tag: "1.4.2"   # promoted by the pipeline
            replicaCount: 3
            """;
    private static final AtomicInteger REPOS = new AtomicInteger();

    private static GitHttpTestServer server;

    @TempDir
    Path work;

    @BeforeAll
    static void startServer() throws IOException {
        server = new GitHttpTestServer(USER, PASSWORD);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void shouldChangeExactlyOneValueAndAddTheTrailers() throws Exception {
        String url = newRepository(Map.of(FILE, VALUES, "README.md", "env\n"));
        try (GitPromoter promoter = promoter()) {
            PromotionResult result = promoter.promote(request(url, "r-1", "promote", "1.5.0")
                    .withTrailers(new CommitTrailers("r-1", "promote", Verdict.PASSED, 0.93)).build());

            assertThat(result.alreadyCommitted()).isFalse();
            assertThat(result.previousValue()).isEqualTo("1.4.2");
            assertThat(result.attempts()).isEqualTo(1);
            assertThat(result.valueChanged()).isTrue();
        }
        assertThat(server.readFile(name(url), "main", FILE)).isEqualTo(VALUES.replace("\"1.4.2\"", "\"1.5.0\""));
        List<RevCommit> history = server.history(name(url), "main");
        assertThat(history).hasSize(2);
        RevCommit commit = history.get(0);
        assertThat(commit.getFullMessage()).isEqualTo(
                "Promote checkout to 1.5.0\n\nRollout-Id: r-1\nStep: promote\nVerdict: PASSED\nGate-Score: 0.9\n");
        assertThat(commit.getAuthorIdent().getName()).isEqualTo("DevOps Simulator");
        assertThat(commit.getAuthorIdent().getEmailAddress()).isEqualTo("devsim@localhost");
        assertThat(changedPaths(url, commit)).containsExactly(FILE);
    }

    @Test
    void shouldCommitOnceWhenTheSameStepIsPromotedTwice() throws Exception {
        String url = newRepository(Map.of(FILE, VALUES));
        PromotionResult first;
        try (GitPromoter promoter = promoter()) {
            first = promoter.promote(request(url, "r-2", "promote", "1.5.0").build());
        }
        long pushes = server.pushCount();
        PromotionResult second;
        // a resumed rollout: another promoter instance, as after a controller restart
        try (GitPromoter promoter = promoter()) {
            second = promoter.promote(request(url, "r-2", "promote", "1.5.0").build());
        }

        assertThat(second.alreadyCommitted()).isTrue();
        assertThat(second.commitId()).isEqualTo(first.commitId());
        assertThat(second.previousValue()).isEqualTo("1.4.2");
        assertThat(second.attempts()).isZero();
        assertThat(server.pushCount()).isEqualTo(pushes);
        assertThat(server.history(name(url), "main")).hasSize(2);
    }

    @Test
    void shouldRecordAnEmptyCommitWhenTheValueIsAlreadyThere() throws Exception {
        String url = newRepository(Map.of(FILE, VALUES));
        PromotionResult result;
        try (GitPromoter promoter = promoter()) {
            result = promoter.promote(request(url, "r-3", "promote", "1.4.2").build());
        }

        assertThat(result.valueChanged()).isFalse();
        assertThat(result.alreadyCommitted()).isFalse();
        RevCommit commit = server.history(name(url), "main").get(0);
        assertThat(commit.getId().name()).isEqualTo(result.commitId());
        assertThat(commit.getTree()).isEqualTo(commit.getParent(0).getTree());
        assertThat(commit.getFooterLines()).extracting(f -> f.getKey() + ": " + f.getValue())
                .contains("Rollout-Id: r-3", "Step: promote");
        assertThat(server.readFile(name(url), "main", FILE)).isEqualTo(VALUES);
    }

    @Test
    void shouldLoseNothingWhen24PromotersChangeDifferentFilesConcurrently() throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < 24; i++) {
            files.put("apps/app-" + i + "/values.yaml", VALUES);
        }
        String url = newRepository(files);

        List<PromotionResult> results = runConcurrently(24, 4, (promoter, n) -> promoter.promote(
                request(url, "files-" + n, "promote", "2.0." + n).withFile("apps/app-" + n + "/values.yaml").build()));

        assertThat(results).noneMatch(PromotionResult::alreadyCommitted);
        List<RevCommit> history = server.history(name(url), "main");
        assertThat(history).hasSize(25).allMatch(c -> c.getParentCount() <= 1);
        for (int i = 0; i < 24; i++) {
            // a promotion re-applied after a lost race keeps what the winners wrote to the other files
            assertThat(server.readFile(name(url), "main", "apps/app-" + i + "/values.yaml"))
                    .isEqualTo(VALUES.replace("\"1.4.2\"", "\"2.0." + i + "\""));
        }
    }

    @Test
    void shouldLetConcurrentPromotionsOfOnePromoterTakeTurns() throws Exception {
        String url = newRepository(Map.of(FILE, VALUES));
        List<PromotionResult> results = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (GitPromoter shared = promoter()) {
            List<Future<PromotionResult>> futures = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                int n = i;
                futures.add(pool.submit(() -> shared.promote(request(url, "turns-" + n, "promote", "4.0." + n).build())));
            }
            for (Future<PromotionResult> f : futures) {
                results.add(f.get(50, TimeUnit.SECONDS));
            }
        } finally {
            stop(pool);
        }

        assertThat(results).extracting(PromotionResult::attempts).containsOnly(1);
        assertThat(server.history(name(url), "main")).hasSize(25).allMatch(c -> c.getParentCount() <= 1);
    }

    @Test
    void shouldLoseNothingWhen24PromotersChangeTheSameValueConcurrently() throws Exception {
        String url = newRepository(Map.of(FILE, VALUES));

        List<PromotionResult> results = runConcurrently(24, 4, (promoter, n) -> promoter.promote(
                request(url, "same-" + n, "promote", "3.0." + n).build()));

        List<RevCommit> history = server.history(name(url), "main");
        assertThat(history).hasSize(25).allMatch(c -> c.getParentCount() <= 1);
        Map<String, String> valueOfRollout = new HashMap<>();
        try (Repository repo = server.openRepository(name(url))) {
            for (RevCommit c : history.subList(0, 24)) {
                String rollout = c.getFooterLines().stream().filter(f -> f.getKey().equals("Rollout-Id"))
                        .findFirst().orElseThrow().getValue();
                // every commit wrote its own value: none was overwritten by a stale copy of the file
                valueOfRollout.put(rollout, new ManifestEditor().read(fileAt(repo, c), TAG));
            }
        }
        for (int i = 0; i < 24; i++) {
            assertThat(valueOfRollout).containsEntry("same-" + i, "3.0." + i);
        }
        String last = server.readFile(name(url), "main", FILE);
        JsonNode parsed = new YAMLMapper().readTree(last);
        String tipRollout = history.get(0).getFooterLines().get(0).getValue();
        assertThat(parsed.at("/image/tag").asText()).isEqualTo(valueOfRollout.get(tipRollout));
        assertThat(parsed.at("/replicaCount").asInt()).isEqualTo(3);
        assertThat(results).noneMatch(PromotionResult::alreadyCommitted);
    }

    @Test
    void shouldRetryWhenAnotherWriterMovesTheBranchDuringThePush() throws Exception {
        String url = newRepository(Map.of(FILE, VALUES));
        server.interfereWithNextPushes(2);
        PromotionResult result;
        try (GitPromoter promoter = promoter()) {
            result = promoter.promote(request(url, "r-race", "promote", "1.5.0").build());
        } finally {
            server.interfereWithNextPushes(0);
        }

        assertThat(result.attempts()).isEqualTo(3);
        long n = server.interferenceCount();
        assertThat(server.history(name(url), "main")).extracting(RevCommit::getShortMessage)
                .containsExactly("Promote checkout to 1.5.0", "Concurrent write " + n, "Concurrent write " + (n - 1),
                        "Initial environment");
        assertThat(server.readFile(name(url), "main", FILE)).isEqualTo(VALUES.replace("\"1.4.2\"", "\"1.5.0\""));
    }

    @Test
    void shouldGiveUpAfterTheLastAttemptAndPushNothing() throws Exception {
        String url = newRepository(Map.of(FILE, VALUES));
        server.interfereWithNextPushes(100);
        try (GitPromoter promoter = new GitPromoter(PromoterOptions.defaults().withWorkRoot(work).withMaxAttempts(3))) {
            assertThatThrownBy(() -> promoter.promote(request(url, "r-busy", "promote", "1.5.0").build()))
                    .isInstanceOf(PromotionException.class)
                    .hasMessage("gave up pushing to branch main of " + url + " after 3 attempts: concurrent pushes "
                            + "kept moving it");
            assertNoCloneLeft(promoter);
        } finally {
            server.interfereWithNextPushes(0);
        }
        assertThat(server.history(name(url), "main")).extracting(RevCommit::getShortMessage)
                .doesNotContain("Promote checkout to 1.5.0");
    }

    @Test
    void shouldFailClearlyWhenTheServerIsDownAndWorkWhenItIsBack() throws Exception {
        try (GitHttpTestServer own = new GitHttpTestServer(USER, PASSWORD);
             GitPromoter promoter = promoter()) {
            String url = own.createRepository("env", Map.of(FILE, VALUES));
            own.stop();

            assertThatThrownBy(() -> promoter.promote(request(url, "r-down", "promote", "1.5.0").build()))
                    .isInstanceOf(PromotionException.class)
                    .hasMessage("cannot reach " + url + ": connection refused");
            assertNoCloneLeft(promoter);

            own.start();
            assertThat(promoter.promote(request(url, "r-down", "promote", "1.5.0").build()).alreadyCommitted()).isFalse();
            assertThat(own.readFile("env", "main", FILE)).contains("tag: \"1.5.0\"");

            // and a clone kept from that success is not left behind by the next failure
            own.stop();
            assertThatThrownBy(() -> promoter.promote(request(url, "r-down", "rollback", "1.4.2").build()))
                    .hasMessage("cannot reach " + url + ": connection refused");
            assertNoCloneLeft(promoter);
        }
    }

    @Test
    void shouldTimeOutOnAHungServer() throws Exception {
        String url = newRepository(Map.of(FILE, VALUES));
        server.delayResponses(Duration.ofMillis(2500));
        try (GitPromoter promoter = new GitPromoter(PromoterOptions.defaults().withWorkRoot(work)
                .withTimeout(Duration.ofSeconds(1)))) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> promoter.promote(request(url, "r-slow", "promote", "1.5.0").build()))
                    .hasMessage("cannot reach " + url + ": no answer within 1 s");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
            assertNoCloneLeft(promoter);
        } finally {
            server.delayResponses(Duration.ZERO);
        }
    }

    @Test
    void shouldNameTheUrlButNotThePasswordWhenAuthenticationFails() throws Exception {
        String url = newRepository(Map.of(FILE, VALUES));
        long pushes = server.pushCount();
        GitCredentials wrong = new GitCredentials(USER, "wrong-Password-99".toCharArray());
        try (GitPromoter promoter = promoter()) {
            assertThatThrownBy(() -> promoter.promote(request(url, "r-auth", "promote", "1.5.0")
                    .withCredentials(wrong).build()))
                    .isInstanceOf(PromotionException.class)
                    .hasMessage("authentication failed for " + url + ": check the user name and password/token")
                    .satisfies(e -> assertThat(stackText(e)).doesNotContain("wrong-Password-99", PASSWORD));
            assertNoCloneLeft(promoter);
        }
        assertThat(server.pushCount()).isEqualTo(pushes);
        assertThat(server.history(name(url), "main")).hasSize(1);
    }

    @Test
    void shouldNotShowAPasswordWrittenIntoTheUrl() throws Exception {
        String url = newRepository(Map.of(FILE, VALUES));
        String withSecret = url.replace("http://", "http://" + USER + ":wrong-Password-99@");
        try (GitPromoter promoter = promoter()) {
            assertThatThrownBy(() -> promoter.promote(request(withSecret, "r-url", "promote", "1.5.0")
                    .withCredentials(GitCredentials.ANONYMOUS).build()))
                    .hasMessage("authentication failed for " + url + ": check the user name and password/token");
        }
    }

    @Test
    void shouldExplainAMissingBranchAFileAndAValueAndPushNothing() throws Exception {
        String url = newRepository(Map.of(FILE, VALUES));
        long pushes = server.pushCount();
        try (GitPromoter promoter = promoter()) {
            assertThatThrownBy(() -> promoter.promote(request(url, "r-x", "promote", "1.5.0").withBranch("release").build()))
                    .hasMessage("branch release not found in " + url + " (branches: main)");
            assertNoCloneLeft(promoter);
            assertThatThrownBy(() -> promoter.promote(request(url, "r-x", "promote", "1.5.0")
                    .withFile("apps/cart/values.yaml").build()))
                    .hasMessage("apps/cart/values.yaml not found on branch main of " + url);
            assertNoCloneLeft(promoter);
            assertThatThrownBy(() -> promoter.promote(request(url, "r-x", "promote", "1.5.0")
                    .withLocator(new HelmValue("image.digest")).build()))
                    .hasMessage(FILE + ": image.digest not found (image has keys: repository, tag)");
            assertNoCloneLeft(promoter);

            // and the promoter still works afterwards
            assertThat(promoter.promote(request(url, "r-x", "promote", "1.5.0").build()).attempts()).isEqualTo(1);
        }
        assertThat(server.pushCount()).isEqualTo(pushes + 1);
    }

    @Test
    void shouldFindTheCommitOfAStepByItsTrailers() throws Exception {
        String url = newRepository(Map.of(FILE, VALUES));
        try (GitPromoter promoter = promoter()) {
            PromotionResult weight = promoter.promote(request(url, "r-6", "weight-20", "1.5.0")
                    .withSummary("Canary checkout 1.5.0 at 20%").build());
            PromotionResult promote = promoter.promote(request(url, "r-6", "promote", "1.5.0")
                    .withTrailers(new CommitTrailers("r-6", "promote", Verdict.PASSED, 0.97)).build());

            Optional<CommitInfo> found = promoter.findCommit(url, "main", CREDENTIALS, "r-6", "promote");
            assertThat(found).hasValueSatisfying(info -> {
                assertThat(info.id()).isEqualTo(promote.commitId());
                assertThat(info.shortMessage()).isEqualTo("Promote checkout to 1.5.0");
                assertThat(info.trailers()).containsExactly(Map.entry("Rollout-Id", "r-6"), Map.entry("Step", "promote"),
                        Map.entry("Verdict", "PASSED"), Map.entry("Gate-Score", "1.0"));
                assertThat(info.rolloutId()).isEqualTo("r-6");
                assertThat(info.step()).isEqualTo("promote");
            });
            assertThat(promoter.findCommit(url, "main", CREDENTIALS, "r-6", "weight-20")).get()
                    .extracting(CommitInfo::id).isEqualTo(weight.commitId());
            assertThat(promoter.findCommit(url, "main", CREDENTIALS, "r-6", "rollback")).isEmpty();
            assertThat(promoter.findCommit(url, "main", CREDENTIALS, "r-7", "promote")).isEmpty();
            assertThat(promoter.log(url, "main", CREDENTIALS, 2)).extracting(CommitInfo::id)
                    .containsExactly(promote.commitId(), weight.commitId());
            assertThat(promoter.log(url, "main", CREDENTIALS, 10)).hasSize(3);
            assertThat(promoter.currentValue(url, "main", FILE, TAG, CREDENTIALS)).isEqualTo("1.5.0");
        }
    }

    @Test
    void shouldRestoreThePreviousBytesExactlyByRevert() throws Exception {
        String crlf = VALUES.replace("\n", "\r\n");
        String url = newRepository(Map.of(FILE, crlf, "apps/cart/values.yaml", VALUES));
        try (GitPromoter promoter = promoter()) {
            PromotionResult promoted = promoter.promote(request(url, "r-8", "promote", "1.5.0").build());
            promoter.promote(request(url, "r-9", "promote", "9.9.9").withFile("apps/cart/values.yaml").build());

            PromotionResult reverted = promoter.revert(new RevertRequest(url, "main", promoted.commitId(),
                    "Roll back checkout 1.5.0", new CommitTrailers("r-8", "rollback", Verdict.FAILED, 0.2), CREDENTIALS));

            assertThat(reverted.alreadyCommitted()).isFalse();
            assertThat(reverted.valueChanged()).isTrue();
            assertThat(server.readFile(name(url), "main", FILE)).isEqualTo(crlf);
            assertThat(server.readFile(name(url), "main", "apps/cart/values.yaml")).contains("tag: \"9.9.9\"");
            RevCommit revert = server.history(name(url), "main").get(0);
            assertThat(revert.getFullMessage()).isEqualTo("Roll back checkout 1.5.0\n\nThis reverts commit "
                    + promoted.commitId() + ".\n\nRollout-Id: r-8\nStep: rollback\nVerdict: FAILED\nGate-Score: 0.2\n");

            PromotionResult again = promoter.revert(new RevertRequest(url, "main", promoted.commitId().substring(0, 10),
                    "Roll back checkout 1.5.0", new CommitTrailers("r-8", "rollback", null, null), CREDENTIALS));
            assertThat(again.alreadyCommitted()).isTrue();
            assertThat(again.commitId()).isEqualTo(reverted.commitId());
        }
    }

    @Test
    void shouldRefuseARevertThatConflictsWithALaterChange() throws Exception {
        String url = newRepository(Map.of(FILE, VALUES));
        try (GitPromoter promoter = promoter()) {
            PromotionResult first = promoter.promote(request(url, "r-10", "promote", "1.5.0").build());
            promoter.promote(request(url, "r-11", "promote", "1.6.0").build());
            long pushes = server.pushCount();

            assertThatThrownBy(() -> promoter.revert(new RevertRequest(url, "main", first.commitId(), "Roll back",
                    new CommitTrailers("r-10", "rollback", null, null), CREDENTIALS)))
                    .hasMessage("cannot revert " + first.commitId().substring(0, 7) + " on main of " + url
                            + ": later commits changed the same lines of " + FILE);
            assertThatThrownBy(() -> promoter.revert(new RevertRequest(url, "main", "0123456789abcdef", "Roll back",
                    new CommitTrailers("r-10", "rollback", null, null), CREDENTIALS)))
                    .hasMessage("commit 0123456789abcdef not found in " + url);
            assertThat(server.pushCount()).isEqualTo(pushes);
            assertNoCloneLeft(promoter);
        }
    }

    @Test
    void shouldKeepOneCloneForReuseAfterSuccess() throws Exception {
        String url = newRepository(Map.of(FILE, VALUES));
        try (GitPromoter promoter = promoter()) {
            promoter.promote(request(url, "r-12", "weight-20", "1.5.0").build());
            promoter.promote(request(url, "r-12", "promote", "1.5.0").build());

            try (Stream<Path> clones = Files.list(promoter.workRoot())) {
                assertThat(clones).hasSize(1);
            }
        }
    }

    @Test
    void shouldPromoteToARepositoryGivenAsALocalPath() throws Exception {
        String url = newRepository(Map.of(FILE, VALUES));
        String path;
        try (Repository repo = server.openRepository(name(url))) {
            path = repo.getDirectory().getAbsolutePath();
        }
        try (GitPromoter promoter = promoter()) {
            PromotionResult result = promoter.promote(request(path, "r-local", "promote", "1.5.0")
                    .withCredentials(GitCredentials.ANONYMOUS).build());

            assertThat(result.attempts()).isEqualTo(1);
        }
        assertThat(server.readFile(name(url), "main", FILE)).contains("tag: \"1.5.0\"");
    }

    // --- helpers

    private GitPromoter promoter() {
        return new GitPromoter(PromoterOptions.defaults().withWorkRoot(work.resolve("promoter-" + System.nanoTime())));
    }

    private static String newRepository(Map<String, String> files) throws IOException {
        return server.createRepository("env-" + REPOS.incrementAndGet(), files);
    }

    private static String name(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private static RequestBuilder request(String url, String rolloutId, String step, String value) {
        return new RequestBuilder(url, rolloutId, step, value);
    }

    private static List<String> changedPaths(String url, RevCommit commit) throws IOException {
        try (Repository repo = server.openRepository(name(url)); TreeWalk walk = new TreeWalk(repo)) {
            walk.setRecursive(true);
            walk.addTree(commit.getParent(0).getTree());
            walk.addTree(commit.getTree());
            List<String> out = new ArrayList<>();
            while (walk.next()) {
                if (!walk.getObjectId(0).equals(walk.getObjectId(1))) {
                    out.add(walk.getPathString());
                }
            }
            return out;
        }
    }

    private static String fileAt(Repository repo, RevCommit commit) throws IOException {
        try (RevWalk walk = new RevWalk(repo); TreeWalk tw = TreeWalk.forPath(repo, FILE, walk.parseCommit(commit).getTree())) {
            return new String(repo.open(tw.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * Runs {@code count} promotions on a pool of {@code threads}, each with its own promoter, as separate
     * Jenkins controllers would be: their pushes race on the server.
     *
     * <p>What these tests check is that no promotion is lost, not the retry budget (giving up is tested on
     * its own). With four writers pushing back to back on a loaded 2-CPU machine the unluckiest one needed
     * up to 10 attempts, the default limit, so they get a budget that keeps them deterministic.
     */
    private List<PromotionResult> runConcurrently(int count, int threads, Promotion promotion) throws Exception {
        List<GitPromoter> promoters = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<PromotionResult> results = new ArrayList<>();
        try {
            List<Future<PromotionResult>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                GitPromoter promoter = new GitPromoter(PromoterOptions.defaults().withWorkRoot(work.resolve("p" + i))
                        .withMaxAttempts(30));
                promoters.add(promoter);
                int n = i;
                futures.add(pool.submit(() -> promotion.run(promoter, n)));
            }
            for (Future<PromotionResult> f : futures) {
                results.add(f.get(50, TimeUnit.SECONDS));
            }
        } finally {
            stop(pool);
            promoters.forEach(GitPromoter::close);
        }
        return results;
    }

    @FunctionalInterface
    private interface Promotion {
        PromotionResult run(GitPromoter promoter, int n) throws PromotionException;
    }

    /** Stops the pool and waits, so that no promotion still runs when the temporary directory goes. */
    private static void stop(ExecutorService pool) throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).as("promotions stopped").isTrue();
    }

    /** A failed operation leaves nothing behind; the message lists what it left if it did. */
    private static void assertNoCloneLeft(GitPromoter promoter) throws IOException {
        try (Stream<Path> left = Files.walk(promoter.workRoot())) {
            assertThat(left.filter(p -> !p.equals(promoter.workRoot())).map(Path::toString))
                    .as("files left in the promoter's work root").isEmpty();
        }
    }

    private static String stackText(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            sb.append(t).append('\n');
        }
        return sb.toString();
    }

    /** Builds requests for the tests: the defaults, and only what a test changes. */
    private static final class RequestBuilder {
        private final String url;
        private String branch = "main";
        private String file = FILE;
        private ValueLocator locator = TAG;
        private final String value;
        private String summary;
        private CommitTrailers trailers;
        private GitCredentials credentials = CREDENTIALS;

        RequestBuilder(String url, String rolloutId, String step, String value) {
            this.url = url;
            this.value = value;
            this.summary = "Promote checkout to " + value;
            this.trailers = new CommitTrailers(rolloutId, step, null, null);
        }

        RequestBuilder withBranch(String b) {
            branch = b;
            return this;
        }

        RequestBuilder withFile(String f) {
            file = f;
            return this;
        }

        RequestBuilder withLocator(ValueLocator l) {
            locator = l;
            return this;
        }

        RequestBuilder withSummary(String s) {
            summary = s;
            return this;
        }

        RequestBuilder withTrailers(CommitTrailers t) {
            trailers = t;
            return this;
        }

        RequestBuilder withCredentials(GitCredentials c) {
            credentials = c;
            return this;
        }

        PromotionRequest build() {
            return new PromotionRequest(url, branch, file, locator, value, summary, trailers, credentials);
        }
    }
}
