package io.devopssim.cli;

import io.devopssim.cli.report.CommitLine;
import io.devopssim.cli.report.Report;
import io.devopssim.cli.report.ReportWriter;
import io.devopssim.cli.report.RolloutReport;
import io.devopssim.core.gitops.GitCredentials;
import io.devopssim.core.gitops.GitPromoter;
import io.devopssim.core.gitops.PromoterOptions;
import io.devopssim.core.spec.RolloutSpec;
import io.devopssim.core.spec.RolloutSpecReader;
import io.devopssim.core.history.JsonLinesHistory;
import io.devopssim.core.history.RolloutHistory;
import io.devopssim.core.state.FileStateStore;
import io.devopssim.core.state.RolloutPhase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Two canaries of the checkout service on the simulated fleet, both promoted or rolled back by commit to a
 * local environment repository: 1.5.0 is healthy and is promoted; 1.6.0 fails five requests in a hundred
 * more than stable and is rolled back.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Two canaries with chaos and the gate on the simulated fleet, decided by Git commit.",
                "A healthy release is promoted; one whose canary fails 5%% more requests is rolled back.",
                "Each is decided by commit to a local environment repository. Prints each step and the",
                "repository's git log, and writes report.json, report.html and badges/<app>-<environment>.svg."})
final class DemoCommand implements Callable<Integer> {
    private static final Instant DEMO_START = Instant.parse("2026-11-23T09:00:00Z");

    @Option(names = {"-o", "--out"}, defaultValue = "out/demo", description = "output folder (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--environment", defaultValue = "demo",
            description = "the environment's name, for the badge (default: ${DEFAULT-VALUE})")
    String environment;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    private record Release(String tag, String errorDelta, long seed, String what, RolloutPhase expected) {
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter o = command.commandLine().getOut();
        if (environment.isBlank()) {
            throw new UserError("--environment must not be blank");
        }
        Path dir = OutputFolder.prepare(out.toAbsolutePath().normalize());
        DemoEnvironment env = DemoEnvironment.create(dir.resolve("env.git"), dir.resolve("work/seed"));
        o.println("Environment repository: " + env.url() + " (" + DemoEnvironment.VALUES_PATH + ", image.tag 1.4.2)");

        try (GitPromoter promoter = new GitPromoter(PromoterOptions.defaults().withWorkRoot(dir.resolve("work/clones")))) {
            return runDemo(o, dir, env, promoter);
        }
    }

    private int runDemo(PrintWriter o, Path dir, DemoEnvironment env, GitPromoter promoter) throws Exception {
        SimulatorRollout runner = new SimulatorRollout(promoter, new FileStateStore(dir.resolve("state")),
                new RolloutHistory(new JsonLinesHistory(dir.resolve("state").resolve(RolloutCommand.HISTORY_FILE)),
                        warning -> command.commandLine().getErr().println("devsim: warning: " + warning)));
        List<Release> releases = List.of(
                new Release("1.5.0", "0.0", 7, "a healthy release", RolloutPhase.PROMOTED),
                new Release("1.6.0", "0.05", 8, "a release whose canary fails 5%% more requests", RolloutPhase.ROLLED_BACK));
        List<RolloutReport> rollouts = new ArrayList<>();
        boolean asExpected = true;
        Instant start = DEMO_START;
        for (Release r : releases) {
            RolloutSpec spec = new RolloutSpecReader().read(template()
                    .replace("${TAG}", r.tag()).replace("${REPO}", env.url())
                    .replace("${SEED}", Long.toString(r.seed())).replace("${ERROR_DELTA}", r.errorDelta()));
            String id = spec.app() + "-" + r.tag();
            o.println();
            o.println("== Canary of " + spec.image() + ": " + r.what() + " ==");
            SimulatorRollout.Result result = runner.run(spec, dir, id, GitCredentials.ANONYMOUS, start,
                    new ConsoleProgress(o, spec.app() + " " + r.tag()));
            boolean ok = result.state().phase() == r.expected();
            asExpected &= ok;
            o.println("=> " + result.state().phase() + (ok ? " (as expected)" : " (expected " + r.expected() + ")"));
            rollouts.add(Reports.of(result, environment));
            start = start.plusSeconds(3600);
        }

        List<CommitLine> history = env.history();
        o.println();
        o.println("== git log of the environment repository (" + env.url() + ") ==");
        o.print(DemoEnvironment.format(history));
        Report report = new Report("devsim demo: two canaries of checkout", Instant.now(), rollouts, history, asExpected);
        ReportWriter.Written written = new ReportWriter().write(report, dir);
        o.println("Report: " + written.html() + " and " + written.json());
        written.badges().forEach(b -> o.println("Badge: " + b));
        o.println(asExpected ? "Demo finished: 1.5.0 promoted, 1.6.0 rolled back, each by commit."
                : "Demo did NOT behave as expected; see the report.");
        return asExpected ? 0 : Devsim.EXIT_NOT_PROMOTED;
    }

    private static String template() throws java.io.IOException {
        try (InputStream in = DemoCommand.class.getResourceAsStream("/demo/checkout-canary.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
