package io.devopssim.multicloud.jenkins;

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
 * {@code def status = clusterStatus(clusters: 'do-ams3, eks-use1')}: the health of clusters of the global registry
 * (API server reachable, nodes Ready, Argo CD Applications healthy), one map per cluster. Read-only.
 */
public final class ClusterStatusStep extends Step {
    private String clusters;
    private boolean failIfUnhealthy;

    @DataBoundConstructor
    public ClusterStatusStep() {
    }

    public String getClusters() {
        return clusters;
    }

    /** Cluster names separated by commas or spaces; empty: every cluster of the registry. */
    @DataBoundSetter
    public void setClusters(String clusters) {
        this.clusters = clusters == null || clusters.isBlank() ? null : clusters.strip();
    }

    public boolean isFailIfUnhealthy() {
        return failIfUnhealthy;
    }

    /** Fail the step when a cluster is not healthy (default false: return the results). */
    @DataBoundSetter
    public void setFailIfUnhealthy(boolean failIfUnhealthy) {
        this.failIfUnhealthy = failIfUnhealthy;
    }

    @Override
    public StepExecution start(StepContext context) {
        return new ClusterStatusExecution(context, ClusterBinding.words(clusters), failIfUnhealthy);
    }

    @Extension
    public static final class DescriptorImpl extends StepDescriptor {
        private transient volatile WaveRuntime runtime;

        @Override
        public String getFunctionName() {
            return "clusterStatus";
        }

        @Override
        public String getDisplayName() {
            return "Health of multi-cloud clusters: API server, nodes, Argo CD Applications";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class);
        }

        WaveRuntime runtime() {
            WaveRuntime r = runtime;
            if (r == null) {
                synchronized (this) {
                    r = runtime;
                    if (r == null) {
                        // the rollout step's runtime: one set of pools per controller
                        r = hudson.ExtensionList.lookupSingleton(MultiCloudRolloutStep.DescriptorImpl.class).runtime();
                        runtime = r;
                    }
                }
            }
            return r;
        }
    }
}
