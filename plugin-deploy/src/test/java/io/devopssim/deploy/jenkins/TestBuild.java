package io.devopssim.deploy.jenkins;

import hudson.AbortException;
import hudson.model.Action;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A build for step tests: its folder, its actions (bound as Jenkins would on attaching), a workspace. */
final class TestBuild implements BuildRef {
    static final String URL = "job/pipeline/1/";

    private final Path rootDir;
    private final TestRuntime runtime;
    final List<Action> actions = new ArrayList<>();
    /** The node's workspace, or null outside node { }. */
    Path workspace;

    TestBuild(Path rootDir, TestRuntime runtime) {
        this.rootDir = rootDir;
        this.runtime = runtime;
    }

    @Override
    public Path rootDir() {
        return rootDir;
    }

    @Override
    public String externalizableId() {
        return "pipeline#1";
    }

    @Override
    public String url() {
        return URL;
    }

    @Override
    public synchronized <T extends Action> List<T> actions(Class<T> type) {
        return actions.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Override
    public synchronized void addAction(Action action) {
        actions.add(action);
        // what onAttached(Run) does in Jenkins
        if (action instanceof RolloutsAction r) {
            r.bind(rootDir, URL);
        }
        if (action instanceof RolloutApprovalAction a) {
            a.bind(() -> actions(RolloutsAction.class).stream().findFirst().orElse(null), runtime.permissions, () -> runtime);
        }
    }

    @Override
    public String readWorkspaceFile(String relativePath, String step) throws IOException {
        if (workspace == null) {
            throw new AbortException(step + " specFile needs a workspace: call it inside node { }");
        }
        Path file = workspace.resolve(relativePath);
        if (!Files.exists(file)) {
            throw new AbortException(step + ": spec file " + relativePath + " not found in the workspace");
        }
        return Files.readString(file);
    }

    @Override
    public Path localWorkspaceFile(String relativePath) {
        return workspace == null ? null : workspace.resolve(relativePath).normalize();
    }

    <T extends Action> T only(Class<T> type) {
        List<T> found = actions(type);
        if (found.size() != 1) {
            throw new AssertionError("expected one " + type.getSimpleName() + ", found " + found.size());
        }
        return found.get(0);
    }
}
