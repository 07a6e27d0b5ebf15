package io.devopssim.deploy.jenkins;

import hudson.EnvVars;
import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;

import java.util.Set;

/**
 * {@code canaryRollout specFile: 'rollout.yaml'} (or {@code spec: '''...'''}): runs the canary the spec
 * describes and completes when it is promoted or rolled back. The step only binds arguments ({@link RolloutStep}); the execution hands them to the engine.
 */
public final class CanaryRolloutStep extends RolloutStep {

    @DataBoundConstructor
    public CanaryRolloutStep() {
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new CanaryRolloutExecution(context, request(), null);
    }

    @Extension
    public static final class DescriptorImpl extends StepDescriptor {

        @Override
        public String getFunctionName() {
            return "canaryRollout";
        }

        @Override
        public String getDisplayName() {
            return "Canary rollout judged on metrics, promoted by Git commit";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, EnvVars.class);
        }
    }
}
