package io.devopssim.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.Map;

/** {@code devsim}: the engines of the Jenkins plugins, without Jenkins, on the embedded simulated fleet. */
@Command(name = "devsim", mixinStandardHelpOptions = true, version = "devsim 0.1.0",
        description = "Progressive delivery on a simulated fleet: canary rollouts judged on metrics and promoted by Git commit.",
        subcommands = {DemoCommand.class, RolloutCommand.class, ApproveCommand.class, AbortCommand.class, ChaosCommand.class,
                GateCommand.class, WavesCommand.class, CommandLine.HelpCommand.class})
public final class Devsim {
    /** Bad input: a spec or option the user must fix. */
    public static final int EXIT_BAD_INPUT = 2;
    /** The rollout ran and ended without a promotion. */
    public static final int EXIT_NOT_PROMOTED = 1;
    /** The rollout waits for approval ({@code devsim approve} or {@code devsim abort}, then run it again). */
    public static final int EXIT_PAUSED = 3;

    /** Environment variables, read for the secrets a spec names by variable (never printed). */
    private final Map<String, String> env;

    Devsim(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    Map<String, String> env() {
        return env;
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs {@code devsim args} with the given streams; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, System.getenv());
    }

    /** As {@link #run(String[], PrintWriter, PrintWriter)}, with these environment variables instead of the process's. */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env) {
        CommandLine cli = new CommandLine(new Devsim(env));
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof UserError) {
                commandLine.getErr().println("devsim: " + e.getMessage());
                return EXIT_BAD_INPUT;
            }
            commandLine.getErr().println("devsim: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        });
        return cli.execute(args);
    }
}
