package io.devopssim.cli;

import io.devopssim.core.state.FileStateStore;
import io.devopssim.deploy.RolloutControl;
import io.devopssim.deploy.RolloutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;

/** Asks for the stable version back; the next {@code devsim rollout} run makes the rollback commit. */
@Command(name = "abort", mixinStandardHelpOptions = true,
        description = {"Abort a rollout: it rolls back to the stable version.",
                "Rerun the same devsim rollout command to make the rollback (weight 0, rollback commit)."})
final class AbortCommand implements Callable<Integer> {
    @Option(names = "--id", required = true, description = "rollout id")
    String id;

    @Option(names = "--state-dir", defaultValue = ".devsim/state", description = "where rollout state is kept (default: ${DEFAULT-VALUE})")
    Path stateDir;

    @Option(names = "--reason", defaultValue = "aborted from devsim", description = "why (recorded in the rollback commit)")
    String reason;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() {
        try {
            new RolloutControl(new FileStateStore(stateDir)).abort(id, reason, Instant.now());
        } catch (RolloutException e) {
            throw new UserError(e.getMessage(), e);
        }
        command.commandLine().getOut().println("abort of " + id + " recorded; rerun its devsim rollout command to roll back");
        return 0;
    }
}
