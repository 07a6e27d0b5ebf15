package io.devopssim.cli;

import io.devopssim.cli.report.Report;
import io.devopssim.cli.report.ReportWriter;
import io.devopssim.core.gitops.GitPromoter;
import io.devopssim.core.gitops.PromoterOptions;
import io.devopssim.core.spec.InvalidSpecException;
import io.devopssim.core.spec.RolloutSpec;
import io.devopssim.core.spec.RolloutSpecReader;
import io.devopssim.core.state.FileStateStore;
import io.devopssim.core.state.RolloutPhase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import io.devopssim.core.gitops.GitCredentials;
import io.devopssim.core.metrics.MetricsProvider;
import io.devopssim.core.metrics.MetricsUnavailableException;
import io.devopssim.core.spec.StepSpec;
import io.devopssim.core.state.RolloutState;
import io.devopssim.mlgate.prometheus.PromQlTemplates;
import io.devopssim.mlgate.prometheus.PrometheusMetricsProvider;

import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Runs one rollout spec, committing its decision to the spec's environment repository: on the simulated fleet
 * in simulated time, or, when the spec's {@code traffic:} names a real router (or {@code argocd:} a real Argo CD),
 * against the cluster in real time.
 */
@Command(name = "rollout", mixinStandardHelpOptions = true,
        description = {"Run a rollout spec, promoting or rolling back by Git commit.",
                "Without traffic:/argocd: sections it runs on the simulated fleet in simulated time; with a",
                "traffic.router other than simulator (or an argocd: section) it runs against the cluster in real time.",
                "Exit code: 0 promoted, 1 not promoted, 2 bad input, 3 paused for approval."})
final class RolloutCommand implements Callable<Integer> {
    @Option(names = {"-f", "--file"}, required = true, description = "rollout spec (YAML)")
    Path file;

    @Option(names = "--id", description = "rollout id (default: <app>-<tag>); rerun with the same id to resume")
    String id;

    @Option(names = "--state-dir", defaultValue = ".devsim/state", description = "where rollout state is kept (default: ${DEFAULT-VALUE})")
    Path stateDir;

    @Option(names = {"-o", "--out"}, description = "folder for report.json and report.html (default: out/<rollout id>)")
    Path out;

    @Option(names = "--start", description = "simulated start time, ISO-8601 (default: now)")
    Instant start;

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
        String rolloutId = id != null ? id : spec.app() + "-" + spec.image().tag();
        var credentials = Credentials.from(spec.gitops().credentials(), devsim.env());
        if (!spec.runtime().simulated() || spec.runtime().argocd() != null) {
            return onCluster(spec, rolloutId, credentials, o);
        }
        SimulatorRollout.Result result;
        try (GitPromoter promoter = new GitPromoter(PromoterOptions.defaults())) {
            result = new SimulatorRollout(promoter, new FileStateStore(stateDir))
                    .run(spec, rolloutId, credentials, start != null ? start : Instant.now(),
                            new ConsoleProgress(o, spec.app() + " " + spec.image().tag()));
        }
        if (result.state().phase() == RolloutPhase.PAUSED) {
            o.println("=> PAUSED for approval: devsim approve --id " + rolloutId + " (or devsim abort --id " + rolloutId
                    + "), then run this command again");
            return Devsim.EXIT_PAUSED;
        }
        Path dir = OutputFolder.prepare(out != null ? out : Path.of("out", rolloutId));
        boolean promoted = result.state().phase() == RolloutPhase.PROMOTED;
        new ReportWriter().write(new Report("devsim rollout " + rolloutId, Instant.now(),
                List.of(Reports.of(result)), List.of(), promoted), dir);
        o.println("=> " + result.state().phase() + (result.state().outcome() == null ? "" : ": " + result.state().outcome()));
        o.println("Report: " + dir.resolve("report.html"));
        return promoted ? 0 : Devsim.EXIT_NOT_PROMOTED;
    }

    /** Against the cluster, Argo CD and metrics the spec and options name, in real time. */
    private Integer onCluster(RolloutSpec spec, String rolloutId, GitCredentials credentials, PrintWriter o) throws Exception {
        if (start != null) {
            throw new UserError("--start sets simulated time; a rollout against a cluster runs in real time");
        }
        if (spec.steps().stream().anyMatch(s -> s instanceof StepSpec.Chaos)) {
            throw new UserError("chaos steps run on the simulated fleet only in devsim rollout; remove them, or use traffic.router simulator");
        }
        MetricsProvider metrics = metrics(spec);
        o.println("Running " + rolloutId + " against traffic.router " + spec.runtime().traffic().router()
                + (spec.runtime().argocd() == null ? "" : " and Argo CD application " + spec.runtime().argocd().application())
                + ", in real time");
        RolloutState end;
        try (GitPromoter promoter = new GitPromoter(PromoterOptions.defaults())) {
            end = new ClusterRollout(promoter, new FileStateStore(stateDir), kubeconfig, devsim.env())
                    .run(spec, rolloutId, credentials, metrics, new ConsoleProgress(o, spec.app() + " " + spec.image().tag()));
        }
        if (end.phase() == RolloutPhase.PAUSED) {
            o.println("=> PAUSED for approval: devsim approve --id " + rolloutId + " (or devsim abort --id " + rolloutId
                    + "), then run this command again");
            return Devsim.EXIT_PAUSED;
        }
        Path dir = OutputFolder.prepare(out != null ? out : Path.of("out", rolloutId));
        boolean promoted = end.phase() == RolloutPhase.PROMOTED;
        new ReportWriter().write(new Report("devsim rollout " + rolloutId, Instant.now(),
                List.of(Reports.of(spec, end, prometheus == null ? null : metrics)), List.of(), promoted), dir);
        o.println("=> " + end.phase() + (end.outcome() == null ? "" : ": " + end.outcome()));
        o.println("Report: " + dir.resolve("report.html"));
        return promoted ? 0 : Devsim.EXIT_NOT_PROMOTED;
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
        if (spec.steps().stream().anyMatch(s -> s instanceof StepSpec.Analysis)) {
            throw new UserError("the spec has analysis steps: against a cluster, give --prometheus URL (where the canary's"
                    + " and the baseline's metrics are)");
        }
        return query -> {
            throw new MetricsUnavailableException("no metrics source: run with --prometheus");
        };
    }
}
