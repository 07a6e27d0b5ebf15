package io.devopssim.bench;

import io.devopssim.core.gitops.GitCredentials;
import io.devopssim.core.gitops.GitPromoter;
import io.devopssim.core.gitops.PromoterOptions;
import io.devopssim.core.gitops.Promoter;
import io.devopssim.core.judge.AnalysisRunner;
import io.devopssim.core.judge.ThresholdJudge;
import io.devopssim.core.sim.FleetSimulator;
import io.devopssim.core.spec.RolloutSpec;
import io.devopssim.core.spec.RolloutSpecReader;
import io.devopssim.core.state.InMemoryStateStore;
import io.devopssim.core.state.RolloutPhase;
import io.devopssim.core.state.RolloutState;
import io.devopssim.core.time.Clock;
import io.devopssim.deploy.CanaryEngine;
import io.devopssim.core.time.ExecutorScheduler;
import io.devopssim.deploy.RolloutContext;
import io.devopssim.deploy.RolloutListener;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Many canary rollouts at once in one JVM, each on its own simulated fleet, in real time, all driven by one
 * {@link ExecutorScheduler} over a small pool, as a Jenkins controller drives its rollouts: wall time,
 * heap, live threads, and how late transitions fire.
 *
 * <p>Each rollout: setWeight 10, a 4 s analysis, setWeight 50, a 4 s analysis (1 s samples), then the
 * promotion (or, for every tenth, whose canary fails 5% more requests, the rollback) commit. Real time,
 * because simulated time would let each rollout jump its waits and never be concurrent with the others;
 * short windows, so a run takes seconds while every rollout still waits (holding no thread) twice.
 *
 * <p>Environment repository, by mode: {@code engine}, manifests in memory with the promoter's contract (the
 * engine alone); {@code http}, one repository through {@code GitPromoter} over HTTP to core's
 * GitHttpTestServer on 127.0.0.1, in a JVM of its own so that its heap and threads are not counted;
 * {@code file}, one local bare repository (file://), whose receiving side JGit runs inside this JVM (and
 * counts here). Every rollout commits once to one branch, so the Git modes measure those commits queueing on
 * one branch too.
 *
 * <p>Usage: {@code RolloutsBench [rollouts=1000] [modes=engine,http] [poolThreads=4]}.
 */
public final class RolloutsBench {
    private static final String BRANCH = "main";

    private RolloutsBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        List<String> modes = List.of((args.length > 1 ? args[1] : "engine,http").split(","));
        int poolThreads = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        List<Row> rows = new ArrayList<>();
        for (String mode : modes) {
            rows.add(run(n, mode.strip(), poolThreads));
        }
        System.out.printf(Locale.ROOT, "%d concurrent canary rollouts, one ExecutorScheduler of %d threads, -Xmx %d MB%n%n",
                n, poolThreads, Runtime.getRuntime().maxMemory() / (1024 * 1024));
        System.out.println("| environment repository | rollouts | promoted / rolled back / other | wall s | wake-ups | late p50 ms | late p99 ms | late max ms "
                + "| heap used peak MB | live heap after GC peak MB | GCs | threads before | threads peak | commits |");
        System.out.println("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Row r : rows) {
            JvmWatch.Figures f = r.figures();
            System.out.printf(Locale.ROOT, "| %s | %d | %s | %.1f | %d | %.1f | %.1f | %.1f | %.0f | %.0f | %d | %d | %d | %d |%n",
                    r.mode(), r.rollouts(), r.outcomes(), r.wallSeconds(), r.wakeUps(), r.late().percentile(50),
                    r.late().percentile(99), r.late().percentile(100), mb(f.heapUsedPeak()), mb(f.liveAfterGcPeak()),
                    f.collections(), f.threadsBefore(), f.threadsPeak(), r.commits());
        }
    }

    private static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    record Row(String mode, int rollouts, String outcomes, double wallSeconds, long wakeUps, Timings late,
               JvmWatch.Figures figures, long commits) {
    }

    private static Row run(int n, String mode, int poolThreads) throws Exception {
        Path work = Files.createTempDirectory("devsim-bench-rollouts-");
        Map<String, String> files = files(n);
        String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(16)); // never printed
        GitCredentials credentials = mode.equals("http") ? new GitCredentials("bench", password.toCharArray())
                : GitCredentials.ANONYMOUS;
        GitServerProcess server = null;
        Promoter promoter;
        String url;
        Path bare = null;
        switch (mode) {
            case "engine" -> {
                MemoryPromoter memory = new MemoryPromoter();
                files.forEach(memory::put);
                promoter = memory;
                url = "file:///in-memory/env.git"; // never opened: the memory promoter holds the files
            }
            case "file" -> {
                bare = bareRepository(work, files);
                url = bare.toUri().toString();
                promoter = new GitPromoter(PromoterOptions.defaults().withWorkRoot(work.resolve("clones")));
            }
            case "http" -> {
                server = new GitServerProcess("bench", password, n);
                url = server.url();
                promoter = new GitPromoter(PromoterOptions.defaults().withWorkRoot(work.resolve("clones")));
            }
            default -> throw new IllegalArgumentException("mode is engine, file or http, not " + mode);
        }
        List<RolloutSpec> specs = new ArrayList<>();
        RolloutSpecReader reader = new RolloutSpecReader();
        for (int i = 0; i < n; i++) {
            specs.add(reader.read(spec(i, url)));
        }

        Clock clock = Clock.system();
        InMemoryStateStore store = new InMemoryStateStore();
        Queue<Long> late = new ConcurrentLinkedQueue<>();
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(poolThreads, r -> {
            Thread t = new Thread(r, "rollouts");
            t.setDaemon(true);
            return t;
        });
        pool.setRemoveOnCancelPolicy(true);
        ExecutorScheduler scheduler = new ExecutorScheduler(pool, clock);
        List<ScheduledRollout> rollouts = new ArrayList<>();
        List<CompletableFuture<RolloutState>> ends = new ArrayList<>();
        JvmWatch.Figures figures;
        long wallNanos;
        long commits;
        try (JvmWatch watch = new JvmWatch()) {
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                RolloutSpec spec = specs.get(i);
                FleetSimulator fleet = new FleetSimulator(spec.simulation(), clock);
                CanaryEngine engine = new CanaryEngine(new RolloutContext(app(i) + "-2.0.0", spec, fleet,
                        new AnalysisRunner(fleet, new ThresholdJudge(spec.analysis())), promoter, credentials, store, clock,
                        RolloutListener.NONE, new RolloutContext.RetryPolicy(3, Duration.ofSeconds(1))));
                ScheduledRollout rollout = new ScheduledRollout(engine, scheduler, clock, late);
                rollouts.add(rollout);
                ends.add(rollout.begin());
            }
            CompletableFuture.allOf(ends.toArray(CompletableFuture[]::new)).get(30, TimeUnit.MINUTES);
            wallNanos = System.nanoTime() - t0;
            figures = watch.figures();
            commits = switch (mode) {
                case "engine" -> ((MemoryPromoter) promoter).commitCount();
                case "file" -> commitsSinceSeed(bare);
                default -> commitsOverHttp(url, credentials);
            };
        } finally {
            pool.shutdownNow();
            if (promoter instanceof GitPromoter g) {
                g.close();
            }
            if (server != null) {
                server.close();
            }
            deleteTree(work);
        }
        Map<RolloutPhase, Integer> outcomes = new TreeMap<>();
        for (CompletableFuture<RolloutState> end : ends) {
            outcomes.merge(end.get().phase(), 1, Integer::sum);
        }
        Timings lateMillis = new Timings();
        late.forEach(us -> lateMillis.add(us * 1000));
        int promoted = outcomes.getOrDefault(RolloutPhase.PROMOTED, 0);
        int rolledBack = outcomes.getOrDefault(RolloutPhase.ROLLED_BACK, 0);
        String summary = promoted + " / " + rolledBack + " / " + (n - promoted - rolledBack)
                + (n - promoted - rolledBack > 0 ? " " + outcomes : "");
        return new Row(mode.equals("engine") ? "in memory (engine only)" : mode.equals("file") ? "one bare repo, file://"
                : "one repo over HTTP (server in another JVM)", n, summary, wallNanos / 1e9,
                rollouts.stream().mapToLong(ScheduledRollout::wakeUps).sum(), lateMillis, figures, commits);
    }

    private static String app(int i) {
        return String.format(Locale.ROOT, "svc-%04d", i);
    }

    /** The environment repository: one Helm values file per app. */
    static Map<String, String> files(int n) {
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            files.put(file(i), "image:\n  repository: registry.example.com/shop/" + app(i) + "\n  tag: \"1.0.0\"\n");
        }
        return files;
    }

    private static String file(int i) {
        return "apps/" + app(i) + "/values.yaml";
    }

    /** Every tenth release fails 5% more requests on its canary: it must be rolled back. */
    private static String spec(int i, String url) {
        return """
                app: %s
                image: registry.example.com/shop/%s:2.0.0
                steps:
                  - setWeight: 10
                  - analysis: {window: 4s}
                  - setWeight: 50
                  - analysis: {window: 4s}
                analysis:
                  interval: 1s
                  minSamples: 4
                  metrics:
                    - {metric: error_rate, max: 0.02}
                    - {metric: latency_p50_ms, maxRatio: 1.5}
                gitops: {repo: "%s", file: %s, helm: image.tag}
                simulation:
                  seed: %d
                  pods: 10
                  requestsPerSecond: 500
                  canaryRegression: {errorRateDelta: %s}
                """.formatted(app(i), app(i), url, file(i), i, i % 10 == 9 ? "0.05" : "0.0");
    }

    private static Path bareRepository(Path work, Map<String, String> files) throws Exception {
        Path seed = work.resolve("seed");
        try (Git git = Git.init().setInitialBranch(BRANCH).setDirectory(seed.toFile()).call()) {
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path p = seed.resolve(f.getKey());
                Files.createDirectories(p.getParent());
                Files.writeString(p, f.getValue());
            }
            git.add().addFilepattern(".").call();
            PersonIdent who = new PersonIdent("Bench", "bench@localhost");
            git.commit().setMessage("seed").setAuthor(who).setCommitter(who).call();
        }
        Path bare = work.resolve("env.git");
        Git.cloneRepository().setBare(true).setURI(seed.toUri().toString()).setDirectory(bare.toFile()).call().close();
        return bare;
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static long commitsOverHttp(String url, GitCredentials credentials) throws Exception {
        try (GitPromoter reader = new GitPromoter()) {
            List<?> log = reader.log(url, BRANCH, credentials, Integer.MAX_VALUE);
            return log.size() - 1;
        }
    }

    private static long commitsSinceSeed(Path bare) throws Exception {
        try (Repository repo = Git.open(bare.toFile()).getRepository(); RevWalk walk = new RevWalk(repo)) {
            walk.markStart(walk.parseCommit(repo.resolve("refs/heads/" + BRANCH)));
            long count = 0;
            for (var ignored : walk) {
                count++;
            }
            return count - 1;
        }
    }
}
