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
    @Option(names = {"-f", "--file"}, required = true, description = "rollout spec (YAML)")
    Path file;

    @Option(names = "--id", description = "rollout id (default: <app>-<tag>); rerun with the same id to resume")
    String id;

    @Option(names = "--state-dir", defaultValue = ".devsim/state", description = "where rollout state is kept (default: ${DEFAULT-VALUE})")
    Path stateDir;

    @Option(names = {"-o", "--out"}, description = "folder for report.json, report.html and badges/ (default: out/<rollout id>)")
    Path out;

    @Option(names = "--start", description = "simulated start time, ISO-8601 (default: now)")
    Instant start;

    @Option(names = "--environment",
            description = "the environment's name, for the badge (default: the environment repository's branch)")
    String environment;

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
        var credentials = Credentials.from(spec.gitops().credentials(), System.getenv());
        // before anything is committed: an output folder devsim may not write to is bad input
        Path dir = OutputFolder.prepare(out != null ? out : Path.of("out", rolloutId));
        SimulatorRollout.Result result;
        try (GitPromoter promoter = new GitPromoter(PromoterOptions.defaults())) {
            result = new SimulatorRollout(promoter, new FileStateStore(stateDir))
                    .run(spec, rolloutId, credentials, start != null ? start : Instant.now(),
                            new ConsoleProgress(o, spec.app() + " " + spec.image().tag()));
        }
        RolloutPhase phase = result.state().phase();
        boolean promoted = phase == RolloutPhase.PROMOTED;
        ReportWriter.Written written = new ReportWriter().write(new Report("devsim rollout " + rolloutId, Instant.now(),
                List.of(Reports.of(result, environment != null ? environment : spec.gitops().branch())), List.of(), promoted), dir);
        if (phase == RolloutPhase.PAUSED) {
            o.println("=> PAUSED for approval: devsim approve --id " + rolloutId + " (or devsim abort --id " + rolloutId
                    + "), then run this command again");
            o.println("Report so far: " + written.html());
            return Devsim.EXIT_PAUSED;
        }
        o.println("=> " + phase + (result.state().outcome() == null ? "" : ": " + result.state().outcome()));
        o.println("Report: " + written.html());
        written.badges().forEach(b -> o.println("Badge: " + b));
        return promoted ? 0 : Devsim.EXIT_NOT_PROMOTED;
    }
}
