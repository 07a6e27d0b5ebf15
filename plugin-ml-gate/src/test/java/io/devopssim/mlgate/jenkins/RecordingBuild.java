package io.devopssim.mlgate.jenkins;

import hudson.AbortException;
import hudson.model.Action;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A build as the steps' tests give one: a workspace directory, and the actions and result it was given. */
final class RecordingBuild implements BuildAccess {
    final Path workspace;
    final List<Action> actions = new CopyOnWriteArrayList<>();
    volatile boolean unstable;

    RecordingBuild(Path workspace) {
        this.workspace = workspace;
    }

    @Override
    public String readWorkspaceFile(String relative) throws IOException {
        Path file = workspace.resolve(relative);
        if (!Files.isRegularFile(file)) {
            throw new AbortException(relative + " not found in the workspace");
        }
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    @Override
    public Path localDirectory(String path) {
        return Path.of(path).isAbsolute() ? Path.of(path) : workspace.resolve(path).normalize();
    }

    @Override
    public void addAction(Action action) {
        actions.add(action);
    }

    @Override
    public void markUnstable() {
        unstable = true;
    }

    <T extends Action> List<T> actions(Class<T> type) {
        return actions.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
