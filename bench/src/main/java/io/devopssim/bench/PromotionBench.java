package io.devopssim.bench;

import io.devopssim.core.gitops.CommitTrailers;
import io.devopssim.core.gitops.GitCredentials;
import io.devopssim.core.gitops.GitPromoter;
import io.devopssim.core.gitops.PromoterOptions;
import io.devopssim.core.gitops.PromotionRequest;
import io.devopssim.core.gitops.PromotionResult;
import io.devopssim.core.gitops.ValueLocator;
import io.devopssim.core.testing.GitHttpTestServer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Promotion commits over HTTP: {@link GitPromoter} against the {@code git} command line, each pushing to
 * its own repository of the same shape on the same local Git server (JGit's GitServlet on Jetty, Basic
 * authentication, 127.0.0.1).
 *
 * <p>Each GitPromoter commit is a whole promotion: fetch, trailer check, comment-preserving edit, commit,
 * compare-and-swap push. Each git commit is what a script would do in a clone it keeps: edit the file
 * with a regular expression, {@code git commit -q -am}, {@code git push -q}. The two alternate, one commit
 * each, so that JIT warm-up, server state and machine noise fall on both alike.
 *
 * <p>Usage: {@code PromotionBench [commits] [warm-up]}, default 200 and 20.
 */
public final class PromotionBench {
    private static final String FILE = "apps/checkout/values.yaml";
    private static final String VALUES = """
            # checkout: values for production
            image:
              repository: registry.example.com/shop/checkout
              tag: "1.0.0"   # promoted by the pipeline
            replicaCount: 3
            """;
    private static final Pattern TAG_LINE = Pattern.compile("(?m)^(  tag: \")[^\"]*(\")");

    private PromotionBench() {
    }

    public static void main(String[] args) throws Exception {
        int commits = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        String user = "bench";
        // a fresh random password per run: nothing to leak, and it is never printed
        String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        Path work = Files.createTempDirectory("devsim-bench-promotion-");
        GitCredentials credentials = new GitCredentials(user, password.toCharArray());

        Timings promoterTimes = new Timings();
        Timings gitTimes = new Timings();
        long promoterRequests = 0;
        long gitRequests = 0;
        int promoterRetries = 0;
        try (GitHttpTestServer server = new GitHttpTestServer(user, password);
             GitPromoter promoter = new GitPromoter(PromoterOptions.defaults().withWorkRoot(work.resolve("promoter")))) {
            String promoterUrl = server.createRepository("promoter-env", Map.of(FILE, VALUES));
            String gitUrl = server.createRepository("git-env", Map.of(FILE, VALUES));
            GitCli git = new GitCli(work.resolve("home"), user, password);
            Path clone = work.resolve("git-clone");
            git.run(work, "clone", "-q", gitUrl, clone.toString());

            for (int i = 0; i < warmup + commits; i++) {
                boolean measured = i >= warmup;
                String version = "1.0." + (i + 1);

                long requestsBefore = server.requestCount();
                long t0 = System.nanoTime();
                PromotionResult result = promoter.promote(new PromotionRequest(promoterUrl, "main", FILE,
                        new ValueLocator.HelmValue("image.tag"), version, "Promote checkout to " + version,
                        new CommitTrailers("bench-" + i, "promote", null, null), credentials));
                long t1 = System.nanoTime();
                if (measured) {
                    promoterTimes.add(t1 - t0);
                    promoterRequests += server.requestCount() - requestsBefore;
                    promoterRetries += result.attempts() - 1;
                }

                requestsBefore = server.requestCount();
                t0 = System.nanoTime();
                Path file = clone.resolve(FILE);
                String text = Files.readString(file, StandardCharsets.UTF_8);
                Files.writeString(file, TAG_LINE.matcher(text).replaceFirst("$1" + Matcher.quoteReplacement(version) + "$2"),
                        StandardCharsets.UTF_8);
                git.run(clone, "commit", "-q", "-a", "-m", "Promote checkout to " + version,
                        "-m", "Rollout-Id: bench-" + i + "\nStep: promote");
                git.run(clone, "push", "-q", "origin", "main");
                t1 = System.nanoTime();
                if (measured) {
                    gitTimes.add(t1 - t0);
                    gitRequests += server.requestCount() - requestsBefore;
                }
            }
            check(server, "promoter-env", commits + warmup);
            check(server, "git-env", commits + warmup);
        } finally {
            deleteTree(work);
        }

        print(commits, warmup, promoterTimes, gitTimes, promoterRequests, gitRequests, promoterRetries);
    }

    private static void check(GitHttpTestServer server, String repo, int expectedCommits) throws Exception {
        int found = server.history(repo, "main").size() - 1;
        if (found != expectedCommits) {
            throw new IllegalStateException(repo + " has " + found + " commits, expected " + expectedCommits);
        }
    }

    private static void print(int commits, int warmup, Timings promoter, Timings git, long promoterRequests,
                              long gitRequests, int retries) {
        System.out.printf(Locale.ROOT, "Promotion commits over HTTP to a local JGit server, %d each after %d warm-up, "
                + "alternating%n%n", commits, warmup);
        System.out.println("| client | n | median ms | p90 ms | HTTP requests per commit |");
        System.out.println("|---|---:|---:|---:|---:|");
        row("GitPromoter (fetch, trailer check, edit, commit, CAS push)", promoter, promoterRequests);
        row("git CLI (edit, commit -am, push)", git, gitRequests);
        System.out.printf(Locale.ROOT, "%nratio of medians (GitPromoter / git): %.2f%n", promoter.median() / git.median());
        System.out.printf(Locale.ROOT, "GitPromoter push retries: %d%n", retries);
    }

    private static void row(String name, Timings t, long requests) {
        System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f |%n", name, t.count(), t.median(), t.p90(),
                (double) requests / t.count());
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
