package io.devopssim.chaos.jenkins;

import org.jenkinsci.plugins.workflow.steps.StepContext;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One build in a temporary folder; keeps what was published to it, once per experiment as a Run would show it. */
final class TestBuilds implements BuildAccess {
    private final Path rootDir;
    final List<ChaosRunAction> actions = new ArrayList<>();
    int publishCalls;

    TestBuilds(Path rootDir) {
        this.rootDir = rootDir;
    }

    @Override
    public BuildRef build(StepContext context) {
        return new BuildRef(rootDir, "job/app#1");
    }

    @Override
    public synchronized void publish(StepContext context, ChaosRunAction action) {
        publishCalls++;
        if (actions.stream().noneMatch(a -> a.getExperimentId().equals(action.getExperimentId()))) {
            actions.add(action);
        }
    }
}
