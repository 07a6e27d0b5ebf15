package io.devopssim.deploy.jenkins;

import hudson.model.Action;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The build a step runs in, as the deploy steps use it: where state goes, its actions, its workspace. */
public interface BuildRef {

    /** The build's own folder. */
    Path rootDir();

    /** {@code job/path#number}, the base of default rollout ids. */
    String externalizableId();

    /** The build page, relative to Jenkins' root URL: {@code job/app/12/}. */
    String url();

    <T extends Action> List<T> actions(Class<T> type);

    void addAction(Action action);

    /**
     * A text file of the workspace.
     *
     * @param step for messages, e.g. {@code canaryRollout}
     * @throws hudson.AbortException when there is no workspace (outside {@code node}) or no such file
     */
    String readWorkspaceFile(String relativePath, String step) throws IOException, InterruptedException;

    /**
     * The directory of a workspace spec file on the controller's file system, for paths the spec gives relative
     * to itself (a judge's model); null when the workspace is elsewhere (an agent) or there is none.
     */
    default Path localSpecDir(String relativePath) {
        return null;
    }

    /**
     * A workspace file on the controller's file system, for files the controller appends to (a release history);
     * null when the workspace is elsewhere (an agent) or there is none.
     */
    default Path localWorkspaceFile(String relativePath) {
        return null;
    }

    /** The action of {@code type}, added first if the build has none. */
    default <T extends Action> T action(Class<T> type, java.util.function.Supplier<T> create) {
        synchronized (this) {
            List<T> found = actions(type);
            if (!found.isEmpty()) {
                return found.get(0);
            }
            T made = create.get();
            addAction(made);
            return made;
        }
    }
}
