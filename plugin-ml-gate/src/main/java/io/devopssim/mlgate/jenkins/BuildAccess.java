package io.devopssim.mlgate.jenkins;

import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Action;
import hudson.model.Result;
import hudson.model.Run;
import org.jenkinsci.plugins.workflow.steps.StepContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the gate steps need of the build, behind one small interface so their executions are tested without
 * a Jenkins: read a workspace file, find a workspace directory on the controller, attach an action, mark the
 * build unstable. {@link #of(StepContext)} is the Jenkins one (the run and workspace of the step's context).
 */
interface BuildAccess {

    /** A workspace file's text; an AbortException naming it when there is no such file or no workspace. */
    String readWorkspaceFile(String relative) throws IOException, InterruptedException;

    /**
     * A directory on this (the controller's) file system: an absolute path as it is, a relative one inside
     * the workspace, which must then be on the controller (models are read and written with java.nio).
     */
    Path localDirectory(String path) throws IOException, InterruptedException;

    /** Attaches an action to the build (a badge, a summary); nothing when there is no build. */
    void addAction(Action action) throws IOException, InterruptedException;

    /** The build's result becomes UNSTABLE unless it is already worse. */
    void markUnstable() throws IOException, InterruptedException;

    static BuildAccess of(StepContext context) {
        return new ContextBuildAccess(context);
    }

    /** The run and the workspace of a step's context. */
    final class ContextBuildAccess implements BuildAccess {
        private final StepContext context;

        ContextBuildAccess(StepContext context) {
            this.context = context;
        }

        @Override
        public String readWorkspaceFile(String relative) throws IOException, InterruptedException {
            FilePath file = workspace(relative).child(relative);
            if (!file.exists()) {
                throw new AbortException(relative + " not found in the workspace");
            }
            return file.readToString();
        }

        @Override
        public Path localDirectory(String path) throws IOException, InterruptedException {
            if (Path.of(path).isAbsolute()) {
                return Path.of(path);
            }
            Path root = Path.of(workspace(path).getRemote());
            if (!Files.isDirectory(root)) {
                throw new AbortException(path + " is relative to a workspace that is not on the controller's file system ("
                        + root + "); run the step on the built-in node (node('built-in')) or give an absolute path on the controller");
            }
            return root.resolve(path).normalize();
        }

        @Override
        public void addAction(Action action) throws IOException, InterruptedException {
            Run<?, ?> run = context.get(Run.class);
            if (run != null) {
                run.addAction(action);
            }
        }

        @Override
        public void markUnstable() throws IOException, InterruptedException {
            Run<?, ?> run = context.get(Run.class);
            if (run != null) {
                run.setResult(Result.UNSTABLE); // Run.setResult only ever makes a result worse
            }
        }

        private FilePath workspace(String what) throws IOException, InterruptedException {
            FilePath workspace = context.get(FilePath.class);
            if (workspace == null) {
                throw new AbortException(what + " is a workspace path: call the step inside node { }");
            }
            return workspace;
        }
    }
}
