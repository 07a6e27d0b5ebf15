package io.devopssim.multicloud.jenkins;

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
 * {@code multiCloudRollout planFile: 'waves.yaml'} (or {@code plan: '''...'''}): rolls one release out across the
 * clusters of the global registry in the plan's waves, and completes when every wave passed or one was rolled
 * back. Binds arguments only; the execution hands them to the wave engine.
 */
public final class MultiCloudRolloutStep extends Step {
    private String planFile;
    private String plan;
    private String planId;
    private boolean failOnRollback = true;

    @DataBoundConstructor
    public MultiCloudRolloutStep() {
    }

    public String getPlanFile() {
        return planFile;
    }

    /** Workspace-relative path of the wave plan (YAML). */
    @DataBoundSetter
    public void setPlanFile(String planFile) {
        this.planFile = blankToNull(planFile);
    }

    public String getPlan() {
        return plan;
    }

    /** The wave plan itself, inline (YAML). */
    @DataBoundSetter
    public void setPlan(String plan) {
        this.plan = blankToNull(plan);
    }

    public String getPlanId() {
        return planId;
    }

    /** Id carried by the plan's commits and its clusters' rollouts; default: derived from the build. */
    @DataBoundSetter
    public void setPlanId(String planId) {
        this.planId = blankToNull(planId);
    }

    public boolean isFailOnRollback() {
        return failOnRollback;
    }

    /** Fail the build when a wave is rolled back (default true). */
    @DataBoundSetter
    public void setFailOnRollback(boolean failOnRollback) {
        this.failOnRollback = failOnRollback;
    }

    @Override
    public StepExecution start(StepContext context) {
        return new MultiCloudRolloutExecution(context, new MultiCloudRolloutRequest(planFile, plan, planId, failOnRollback));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    @Extension
    public static final class DescriptorImpl extends StepDescriptor {
        private transient volatile WaveRuntime runtime;

        @Override
        public String getFunctionName() {
            return "multiCloudRollout";
        }

        @Override
        public String getDisplayName() {
            return "Multi-cloud rollout in gated waves, with failover, promoted by Git commit";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, EnvVars.class);
        }

        WaveRuntime runtime() {
            WaveRuntime r = runtime;
            if (r == null) {
                synchronized (this) {
                    r = runtime;
                    if (r == null) {
                        r = SimulatorWaveRuntime.create();
                        runtime = r;
                    }
                }
            }
            return r;
        }
    }
}
