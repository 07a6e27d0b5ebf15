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
 * {@code rollingUpdate specFile: 'rollout.yaml'}: runs the rolling update the spec describes (a
 * {@code strategy: rolling} spec) and completes when it is promoted or rolled back. The step only binds arguments ({@link RolloutStep}); the execution hands them to the engine.
 */
public final class RollingUpdateStep extends RolloutStep {

    @DataBoundConstructor
    public RollingUpdateStep() {
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new RollingUpdateExecution(context, request(), null);
    }

    @Extension
    public static final class DescriptorImpl extends StepDescriptor {

        @Override
        public String getFunctionName() {
            return "rollingUpdate";
        }

        @Override
        public String getDisplayName() {
            return "Rolling update with a health check per batch, promoted by Git commit";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, EnvVars.class);
        }
    }
}
