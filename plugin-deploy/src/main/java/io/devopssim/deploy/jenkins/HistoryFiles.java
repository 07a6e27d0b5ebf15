package io.devopssim.deploy.jenkins;

import hudson.AbortException;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Where a rollout step appends its finished rollout to the release history (what the gate's model learns from), as
 * {@code devsim rollout} appends to {@code <state-dir>/history.jsonl}: by default the build's own state folder
 * ({@code devsim-rollouts/history.jsonl} in the build's directory, on the controller whatever node the step runs
 * on); with {@code historyFile}, a file of the workspace (so {@code trainDeploymentGate history:} reads the
 * same file), which must then be on the controller's file system: an agent's file cannot be appended to under a
 * lock from the controller.
 */
final class HistoryFiles {
    static final String DEFAULT_NAME = "history.jsonl";

    private HistoryFiles() {
    }

    /**
     * @param historyFile workspace-relative, or null for the build's default
     * @param stateDir    the build's state folder of the rollout steps
     * @throws AbortException an absolute path or one that leaves the workspace, or a workspace not on the controller
     */
    static Path resolve(String historyFile, BuildRef build, Path stateDir, String step) throws AbortException {
        if (historyFile == null) {
            return stateDir.resolve(DEFAULT_NAME);
        }
        Path relative;
        try {
            relative = Path.of(historyFile).normalize();
        } catch (InvalidPathException e) {
            throw new AbortException(step + ": historyFile " + historyFile + " is not a path");
        }
        if (relative.isAbsolute() || relative.startsWith("..") || relative.toString().isEmpty()) {
            throw new AbortException(step + ": historyFile must be a file inside the workspace, e.g. gate/history.jsonl");
        }
        Path local = build.localWorkspaceFile(relative.toString());
        if (local == null) {
            throw new AbortException(step + ": historyFile needs the workspace on the controller's file system (the"
                    + " built-in node); without historyFile the rollout is appended to the build's devsim-rollouts/"
                    + DEFAULT_NAME);
        }
        return local;
    }
}
