package io.devopssim.multicloud.jenkins;

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
    public void publish(StepContext context, WaveSummaryAction action) throws IOException, InterruptedException {
        Run<?, ?> run = context.get(Run.class);
        // once per plan: a resumed step publishes again in case the build was not saved with the action
        boolean shown = run.getActions(WaveSummaryAction.class).stream().anyMatch(a -> a.getPlanId().equals(action.getPlanId()));
        if (!shown) {
            run.addAction(action);
        }
        if (run.getAction(WaveApprovalAction.class) == null) {
            run.addAction(new WaveApprovalAction()); // one per build: the Approve/Abort of whichever plan pauses
        }
    }
}
