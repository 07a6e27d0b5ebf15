package io.devopssim.deploy.jenkins;

import hudson.EnvVars;
import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

import java.util.Set;

/**
 * {@code canaryRollout specFile: 'rollout.yaml'} (or {@code spec: '''...'''}): runs the canary the spec
 * describes and completes when it is promoted or rolled back. The step only binds arguments; the
 * execution hands them to the engine.
 */
public final class CanaryRolloutStep extends Step {
    private String specFile;
    private String spec;
    private String rolloutId;
    private boolean failOnRollback = true;

    @DataBoundConstructor
    public CanaryRolloutStep() {
    }

    public String getSpecFile() {
        return specFile;
    }

    /** Workspace-relative path of the rollout spec (YAML). */
    @DataBoundSetter
    public void setSpecFile(String specFile) {
        this.specFile = blankToNull(specFile);
    }

    public String getSpec() {
        return spec;
    }

    /** The rollout spec itself, inline (YAML). */
    @DataBoundSetter
    public void setSpec(String spec) {
        this.spec = blankToNull(spec);
    }

    public String getRolloutId() {
        return rolloutId;
    }

    /** Id carried by the rollout's commits; default: derived from the build. */
    @DataBoundSetter
    public void setRolloutId(String rolloutId) {
        this.rolloutId = blankToNull(rolloutId);
    }

    public boolean isFailOnRollback() {
        return failOnRollback;
    }

    /** Fail the build when the rollout is rolled back (default true). */
    @DataBoundSetter
    public void setFailOnRollback(boolean failOnRollback) {
        this.failOnRollback = failOnRollback;
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new CanaryRolloutExecution(context, new RolloutRequest(specFile, spec, rolloutId, failOnRollback));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
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
