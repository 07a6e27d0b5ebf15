package io.devopssim.cli;

import io.devopssim.cli.report.Report;
import io.devopssim.cli.report.ReportWriter;
import io.devopssim.core.gitops.GitCredentials;
import io.devopssim.core.gitops.GitPromoter;
import io.devopssim.core.gitops.PromoterOptions;
import io.devopssim.core.history.JsonLinesHistory;
import io.devopssim.core.history.RolloutHistory;
import io.devopssim.core.spec.GitOpsSpec;
import io.devopssim.core.spec.InvalidSpecException;
import io.devopssim.core.spec.RolloutSpec;
import io.devopssim.core.spec.RolloutSpecReader;
import io.devopssim.core.state.FileStateStore;
import io.devopssim.core.state.InMemoryStateStore;
import io.devopssim.core.state.RolloutPhase;
import io.devopssim.mlgate.gate.ModelException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import io.devopssim.core.metrics.MetricsProvider;
import io.devopssim.core.metrics.MetricsUnavailableException;
import io.devopssim.core.spec.StepSpec;
import io.devopssim.core.state.RolloutState;
import io.devopssim.core.metrics.prometheus.PromQlTemplates;
import io.devopssim.core.metrics.prometheus.PrometheusMetricsProvider;

import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Runs one rollout spec, of any strategy, on the simulated fleet, committing its decision to the spec's
 * environment repository; or, with {@code --dry-run}, to a throwaway copy of it, printing what it would do.
 * When the spec's {@code traffic:} names a real router (or {@code argocd:} a real Argo CD), it runs against
 * the cluster in real time (a dry run still runs on the simulator).
 */
@Command(name = "rollout", mixinStandardHelpOptions = true,
        description = {"Run a rollout spec (canary, blueGreen, hybrid or rolling) on the simulated fleet, promoting or",
                "rolling back by Git commit. Runs on simulated time and commits to the environment repository",
                "the spec names; with --dry-run, to a throwaway copy of it, and prints what it would have done.",
                "With a traffic.router other than simulator (or an argocd: section) it runs against the cluster",
                "in real time (--kubeconfig, secrets from the variables the spec names, --prometheus for analysis).",
                "Exit code: 0 promoted, 1 not promoted, 2 bad input, 3 paused for approval."})
final class RolloutCommand implements Callable<Integer> {
    /** In the state directory: one line per finished rollout, what {@code devsim gate train} learns from. */
    static final String HISTORY_FILE = "history.jsonl";

    @Option(names = {"-f", "--file"}, required = true, description = "rollout spec (YAML)")
    Path file;

    @Option(names = "--id", description = "rollout id (default: <app>-<tag>); rerun with the same id to resume")
    String id;

    @Option(names = "--state-dir", defaultValue = ".devsim/state",
            description = "where rollout state is kept, and the release history (history.jsonl) each finished rollout is appended to (default: ${DEFAULT-VALUE})")
    Path stateDir;

    @Option(names = {"-o", "--out"}, description = "folder for report.json, report.html and badges/ (default: out/<rollout id>;"
            + " a dry run writes one only when given)")
    Path out;

    @Option(names = "--start", description = "simulated start time, ISO-8601 (default: now)")
    Instant start;

    @Option(names = "--dry-run", description = {"Run the spec with the same engine against a throwaway copy of the",
            "environment repository (read, never pushed to) and no saved state; pauses until approved are",
            "taken as approved. Prints each step and the commits it would make."})
    boolean dryRun;

    @Option(names = "--environment",
            description = "the environment's name, for the badge (default: the environment repository's branch)")
    String environment;

    @Option(names = "--kubeconfig", description = "kubeconfig for cluster.context (default: $KUBECONFIG or ~/.kube/config)")
    Path kubeconfig;

    @Option(names = "--prometheus", description = "Prometheus (or Thanos Query) URL for analysis steps against a cluster")
    URI prometheus;

    @Option(names = "--canary-selector", description = "PromQL label matchers of the canary (default: {app=\"<app>\",track=\"canary\"})")
    String canarySelector;

    @Option(names = "--baseline-selector", description = "PromQL label matchers of the baseline (default: {app=\"<app>\",track=\"baseline\"})")
    String baselineSelector;

    @ParentCommand
    Devsim devsim;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = command.commandLine().getOut();
        if (!Files.isRegularFile(file)) {
            throw new UserError("spec file " + file + " does not exist");
        }
        RolloutSpec spec;
        try {
            spec = new RolloutSpecReader().read(file);
        } catch (InvalidSpecException e) {
            throw new UserError(file + " is not a valid rollout spec:\n" + e.getMessage(), e);
        }
        if (environment != null && environment.isBlank()) {
            throw new UserError("--environment must not be blank");
        }
        String rolloutId = id != null ? id : spec.app() + "-" + spec.image().tag();
        GitCredentials credentials = Credentials.from(spec.gitops().credentials(), devsim.env());
        Instant from = start != null ? start : Instant.now();
        String env = environment != null ? environment : spec.gitops().branch();
        if (dryRun) {
            return dryRun(o, spec, rolloutId, credentials, from, env);
        }
        if (!spec.runtime().simulated() || spec.runtime().argocd() != null) {
            return onCluster(spec, rolloutId, credentials, o, env);
        }
        // before anything is committed: an output folder devsim may not write to is bad input
        Path dir = OutputFolder.prepare(out != null ? out : Path.of("out", rolloutId));
        SimulatorRollout.Result result;
        PrintWriter e = command.commandLine().getErr();
        RolloutHistory history = new RolloutHistory(new JsonLinesHistory(stateDir.resolve(HISTORY_FILE)),
                warning -> e.println("devsim: warning: " + warning));
        Path specDir = file.toAbsolutePath().getParent();
        try (GitPromoter promoter = new GitPromoter(PromoterOptions.defaults())) {
            result = new SimulatorRollout(promoter, new FileStateStore(stateDir), history)
                    .run(spec, specDir, rolloutId, credentials, from, new ConsoleProgress(o, spec.app() + " " + spec.image().tag()));
        } catch (ModelException bad) {
            throw new UserError(file + ": analysis." + bad.getMessage(), bad);
        }
        if (result.state().phase() == RolloutPhase.PAUSED) {
            ReportWriter.Written written = writeReport(result, env, dir);
            o.println("=> PAUSED for approval: devsim approve --id " + rolloutId + " (or devsim abort --id " + rolloutId
                    + "), then run this command again");
            o.println("Report so far: " + written.html());
            return Devsim.EXIT_PAUSED;
        }
        return finish(o, result, env, dir);
    }

    /** The same engine on the simulator, committing to a throwaway copy; the real repository is only read. */
    private int dryRun(PrintWriter o, RolloutSpec spec, String rolloutId, GitCredentials credentials, Instant from,
                       String env)
            throws Exception {
        GitOpsSpec real = spec.gitops();
        o.println("Dry run of " + spec.strategy().yamlName() + " rollout " + rolloutId + ": " + real.repoUrl() + " (branch "
                + real.branch() + ") is copied and only read; nothing is pushed to it, no state is saved");
        SimulatorRollout.Result result;
        List<ThrowawayRepository.Commit> commits;
        try (ThrowawayRepository copy = ThrowawayRepository.of(real, credentials);
             GitPromoter promoter = new GitPromoter(PromoterOptions.defaults())) {
            RolloutSpec onCopy = new RolloutSpec(spec.app(), spec.image(), spec.strategy(), spec.steps(), spec.analysis(),
                    new GitOpsSpec(copy.url(), real.branch(), real.file(), real.value(), real.credentials()),
                    spec.simulation(), spec.blueGreen(), spec.rolling());
            result = new SimulatorRollout(promoter, new InMemoryStateStore()).run(onCopy, file.toAbsolutePath().getParent(),
                    rolloutId, GitCredentials.ANONYMOUS, from,
                    new ConsoleProgress(o, "dry run " + spec.app() + " " + spec.image().tag()), true);
            commits = copy.commits();
        } catch (ModelException bad) {
            throw new UserError(file + ": analysis." + bad.getMessage(), bad);
        }
        o.println();
        o.println("== The dry run would commit to " + real.repoUrl() + " (branch " + real.branch() + ", " + real.file() + ") ==");
        if (commits.isEmpty()) {
            o.println("(no commit: every step of this rollout id is in the branch's history already)");
        }
        for (ThrowawayRepository.Commit c : commits) {
            o.println(c.message());
            c.trailers().forEach((k, v) -> o.println("    " + k + ": " + v));
            c.changes().forEach(line -> o.println("    " + line));
            if (c.changes().isEmpty()) {
                o.println("    (no value changes: the commit records the decision)");
            }
        }
        o.println("Nothing was pushed; the copy is deleted.");
        return out == null ? exitCode(o, result) : finish(o, result, env, OutputFolder.prepare(out));
    }

    private int finish(PrintWriter o, SimulatorRollout.Result result, String env, Path dir) throws Exception {
        ReportWriter.Written written = writeReport(result, env, dir);
        int code = exitCode(o, result);
        o.println("Report: " + written.html());
        written.badges().forEach(b -> o.println("Badge: " + b));
        return code;
    }

    private ReportWriter.Written writeReport(SimulatorRollout.Result result, String env, Path dir) throws Exception {
        return new ReportWriter().write(new Report((dryRun ? "devsim rollout --dry-run " : "devsim rollout ")
                + result.state().rolloutId(), Instant.now(), List.of(Reports.of(result, env)), List.of(),
                result.state().phase() == RolloutPhase.PROMOTED), dir);
    }

    private int exitCode(PrintWriter o, SimulatorRollout.Result result) {
        o.println("=> " + (dryRun ? "would end " : "") + result.state().phase()
                + (result.state().outcome() == null ? "" : ": " + result.state().outcome()));
        return result.state().phase() == RolloutPhase.PROMOTED ? 0 : Devsim.EXIT_NOT_PROMOTED;
    }

    /** Against the cluster, Argo CD and metrics the spec and options name, in real time. */
    private int onCluster(RolloutSpec spec, String rolloutId, GitCredentials credentials, PrintWriter o, String env)
            throws Exception {
        if (start != null) {
            throw new UserError("--start sets simulated time; a rollout against a cluster runs in real time");
        }
        if (spec.steps().stream().anyMatch(s -> s instanceof StepSpec.Chaos)) {
            throw new UserError("chaos steps run on the simulated fleet only in devsim rollout; remove them, or use traffic.router simulator");
        }
        MetricsProvider metrics = metrics(spec);
        Path dir = OutputFolder.prepare(out != null ? out : Path.of("out", rolloutId));
        o.println("Running " + spec.strategy().yamlName() + " rollout " + rolloutId + " against traffic.router "
                + spec.runtime().traffic().router()
                + (spec.runtime().argocd() == null ? "" : " and Argo CD application " + spec.runtime().argocd().application())
                + ", in real time");
        PrintWriter e = command.commandLine().getErr();
        RolloutHistory history = new RolloutHistory(new JsonLinesHistory(stateDir.resolve(HISTORY_FILE)),
                warning -> e.println("devsim: warning: " + warning));
        RolloutState end;
        try (GitPromoter promoter = new GitPromoter(PromoterOptions.defaults())) {
            end = new ClusterRollout(promoter, new FileStateStore(stateDir), kubeconfig, devsim.env())
                    .run(spec, file.toAbsolutePath().getParent(), rolloutId, credentials, metrics, history,
                            new ConsoleProgress(o, spec.app() + " " + spec.image().tag()));
        } catch (ModelException bad) {
            throw new UserError(file + ": analysis." + bad.getMessage(), bad);
        }
        ReportWriter.Written written = new ReportWriter().write(new Report("devsim rollout " + rolloutId, Instant.now(),
                List.of(Reports.of(spec, end, prometheus == null ? null : metrics, env)), List.of(),
                end.phase() == RolloutPhase.PROMOTED), dir);
        if (end.phase() == RolloutPhase.PAUSED) {
            o.println("=> PAUSED for approval: devsim approve --id " + rolloutId + " (or devsim abort --id " + rolloutId
                    + "), then run this command again");
            o.println("Report so far: " + written.html());
            return Devsim.EXIT_PAUSED;
        }
        o.println("=> " + end.phase() + (end.outcome() == null ? "" : ": " + end.outcome()));
        o.println("Report: " + written.html());
        return end.phase() == RolloutPhase.PROMOTED ? 0 : Devsim.EXIT_NOT_PROMOTED;
    }

    /** Prometheus when given; without it, analysis steps cannot run against a cluster and are refused up front. */
    private MetricsProvider metrics(RolloutSpec spec) {
        if (prometheus != null) {
            String app = spec.app();
            return new PrometheusMetricsProvider(prometheus, PromQlTemplates.devsim(Duration.ofMinutes(1)),
                    canarySelector != null ? canarySelector : "{app=\"" + app + "\",track=\"canary\"}",
                    baselineSelector != null ? baselineSelector : "{app=\"" + app + "\",track=\"baseline\"}",
                    Duration.ofSeconds(30));
        }
        boolean analyses = spec.steps().stream().anyMatch(s -> s instanceof StepSpec.Analysis)
                || spec.blueGreen() != null || spec.rolling() != null;
        if (analyses) {
            throw new UserError("the spec has analysis steps: against a cluster, give --prometheus URL (where the canary's"
                    + " and the baseline's metrics are)");
        }
        return query -> {
            throw new MetricsUnavailableException("no metrics source: run with --prometheus");
        };
    }
}
