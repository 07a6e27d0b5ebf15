package io.devopssim.multicloud.jenkins;

import org.jenkinsci.plugins.workflow.steps.StepContext;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A build folder on disk and the summaries published to it, as {@link RunBuildAccess} does on a Run. */
final class TestBuilds implements BuildAccess {
    final Path rootDir;
    final List<WaveSummaryAction> published = new ArrayList<>();

    TestBuilds(Path rootDir) {
        this.rootDir = rootDir;
    }

    @Override
    public BuildRef build(StepContext context) {
        return new BuildRef(rootDir, "shop/checkout#12");
    }

    @Override
    public void publish(StepContext context, WaveSummaryAction action) {
        if (published.stream().noneMatch(a -> a.getPlanId().equals(action.getPlanId()))) {
            published.add(action);
        }
    }
}
