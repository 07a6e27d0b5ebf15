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

/** Lets a rollout paused at {@code pause: {}} go on; the next {@code devsim rollout} run continues it. */
@Command(name = "approve", mixinStandardHelpOptions = true,
        description = {"Approve a rollout paused until approved (pause: {}).",
                "Rerun the same devsim rollout command to continue it."})
final class ApproveCommand implements Callable<Integer> {
    @Option(names = "--id", required = true, description = "rollout id")
    String id;

    @Option(names = "--state-dir", defaultValue = ".devsim/state", description = "where rollout state is kept (default: ${DEFAULT-VALUE})")
    Path stateDir;

    @Option(names = "--by", defaultValue = "${sys:user.name}", description = "who approves (default: your user name)")
    String by;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() {
        io.devopssim.core.state.RolloutState s;
        try {
            s = new RolloutControl(new FileStateStore(stateDir)).approve(id, by, Instant.now());
        } catch (RolloutException e) {
            throw new UserError(e.getMessage(), e);
        }
        command.commandLine().getOut().println(id + ": " + s.events().get(s.events().size() - 1).message()
                + "; rerun its devsim rollout command to continue");
        return 0;
    }
}
