package io.devopssim.cli;

import io.devopssim.cli.report.Report;
import io.devopssim.cli.report.ReportWriter;
import io.devopssim.core.gitops.GitPromoter;
import io.devopssim.core.gitops.PromoterOptions;
import io.devopssim.core.history.JsonLinesHistory;
import io.devopssim.core.history.RolloutHistory;
import io.devopssim.core.spec.InvalidSpecException;
import io.devopssim.core.spec.RolloutSpec;
import io.devopssim.core.spec.RolloutSpecReader;
import io.devopssim.core.state.FileStateStore;
import io.devopssim.core.state.RolloutPhase;
import io.devopssim.mlgate.gate.ModelException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

/** Runs one rollout spec on the simulated fleet, committing its decision to the spec's environment repository. */
@Command(name = "rollout", mixinStandardHelpOptions = true,
        description = {"Run a rollout spec on the simulated fleet, promoting or rolling back by Git commit.",
                "Runs on simulated time and commits to the environment repository the spec names.",
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

    @Option(names = {"-o", "--out"}, description = "folder for report.json and report.html (default: out/<rollout id>)")
    Path out;

    @Option(names = "--start", description = "simulated start time, ISO-8601 (default: now)")
    Instant start;

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
        var credentials = Credentials.from(spec.gitops().credentials(), System.getenv());
        SimulatorRollout.Result result;
        PrintWriter e = command.commandLine().getErr();
        RolloutHistory history = new RolloutHistory(new JsonLinesHistory(stateDir.resolve(HISTORY_FILE)),
                warning -> e.println("devsim: warning: " + warning));
        Path specDir = file.toAbsolutePath().getParent();
        try (GitPromoter promoter = new GitPromoter(PromoterOptions.defaults())) {
            result = new SimulatorRollout(promoter, new FileStateStore(stateDir), history)
                    .run(spec, specDir, rolloutId, credentials, start != null ? start : Instant.now(),
                            new ConsoleProgress(o, spec.app() + " " + spec.image().tag()));
        } catch (ModelException bad) {
            throw new UserError(file + ": analysis." + bad.getMessage(), bad);
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
}
