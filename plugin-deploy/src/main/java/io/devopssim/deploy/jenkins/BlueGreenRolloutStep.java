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
 * {@code blueGreenRollout specFile: 'rollout.yaml'}: runs the blue-green rollout the spec describes (a
 * {@code strategy: blueGreen} or {@code hybrid} spec) and completes when it is promoted or rolled back. The step only binds arguments ({@link RolloutStep}); the execution hands them to the engine.
 */
public final class BlueGreenRolloutStep extends RolloutStep {

    @DataBoundConstructor
    public BlueGreenRolloutStep() {
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new BlueGreenRolloutExecution(context, request(), null);
    }

    @Extension
    public static final class DescriptorImpl extends StepDescriptor {

        @Override
        public String getFunctionName() {
            return "blueGreenRollout";
        }

        @Override
        public String getDisplayName() {
            return "Blue-green (or hybrid) rollout with an atomic cut-over, promoted by Git commit";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, EnvVars.class);
        }
    }
}
