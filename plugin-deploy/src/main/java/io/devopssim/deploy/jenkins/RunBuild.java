package io.devopssim.deploy.jenkins;

import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Action;
import hudson.model.Run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A Jenkins build and the workspace of the step's {@code node}, if any. */
final class RunBuild implements BuildRef {
    private final Run<?, ?> run;
    private final FilePath workspace;

    RunBuild(Run<?, ?> run, FilePath workspace) {
        this.run = run;
        this.workspace = workspace;
    }

    @Override
    public Path rootDir() {
        return run.getRootDir().toPath();
    }

    @Override
    public String externalizableId() {
        return run.getExternalizableId();
    }

    @Override
    public String url() {
        return run.getUrl();
    }

    @Override
    public <T extends Action> List<T> actions(Class<T> type) {
        return run.getActions(type);
    }

    @Override
    public void addAction(Action action) {
        run.addAction(action);
    }

    @Override
    public String readWorkspaceFile(String relativePath, String step) throws IOException, InterruptedException {
        if (workspace == null) {
            throw new AbortException(step + " specFile needs a workspace: call it inside node { }");
        }
        FilePath file = workspace.child(relativePath);
        if (!file.exists()) {
            throw new AbortException(step + ": spec file " + relativePath + " not found in the workspace");
        }
        return file.readToString();
    }

    @Override
    public Path localSpecDir(String relativePath) {
        if (workspace == null) {
            return null;
        }
        Path root = Path.of(workspace.getRemote());
        return Files.isDirectory(root) ? root.resolve(relativePath).normalize().getParent() : null;
    }

    @Override
    public Path localWorkspaceFile(String relativePath) {
        if (workspace == null) {
            return null;
        }
        Path root = Path.of(workspace.getRemote());
        return Files.isDirectory(root) ? root.resolve(relativePath).normalize() : null;
    }

    /** Synchronizes on the run, as Jenkins' own action lists do, so two steps never add the same action twice. */
    @Override
    public <T extends Action> T action(Class<T> type, java.util.function.Supplier<T> create) {
        synchronized (run) {
            List<T> found = run.getActions(type);
            if (!found.isEmpty()) {
                return found.get(0);
            }
            T made = create.get();
            run.addAction(made);
            return made;
        }
    }
}
