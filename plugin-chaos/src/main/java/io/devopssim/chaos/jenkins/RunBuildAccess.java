package io.devopssim.chaos.jenkins;

import hudson.model.Run;
import org.jenkinsci.plugins.workflow.steps.StepContext;

import java.io.IOException;

/** {@link BuildAccess} on the step's {@link Run}. */
final class RunBuildAccess implements BuildAccess {

    @Override
    public BuildRef build(StepContext context) throws IOException, InterruptedException {
        Run<?, ?> run = context.get(Run.class);
        return new BuildRef(run.getRootDir().toPath(), run.getExternalizableId());
    }

    @Override
    public void publish(StepContext context, ChaosRunAction action) throws IOException, InterruptedException {
        Run<?, ?> run = context.get(Run.class);
        // once per experiment: a resumed step publishes again in case the build was not saved with the action
        boolean shown = run.getActions(ChaosRunAction.class).stream()
                .anyMatch(a -> a.getExperimentId().equals(action.getExperimentId()));
        if (!shown) {
            run.addAction(action);
        }
    }
}
