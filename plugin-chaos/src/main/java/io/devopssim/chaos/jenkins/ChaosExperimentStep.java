package io.devopssim.chaos.jenkins;

import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.devopssim.core.time.Clock;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * {@code chaosExperiment specFile: 'experiment.yaml'} (or {@code spec: '''...'''}): runs the chaos experiment the
 * spec describes and completes with its result when it is done. The step only binds arguments; the execution
 * hands them to the engine.
 */
public final class ChaosExperimentStep extends Step {
    private String specFile;
    private String spec;
    private String experimentId;
    private boolean failOnBrokenHypothesis = true;

    @DataBoundConstructor
    public ChaosExperimentStep() {
    }

    public String getSpecFile() {
        return specFile;
    }

    /** Workspace-relative path of the experiment spec (YAML). */
    @DataBoundSetter
    public void setSpecFile(String specFile) {
        this.specFile = blankToNull(specFile);
    }

    public String getSpec() {
        return spec;
    }

    /** The experiment spec itself, inline (YAML). */
    @DataBoundSetter
    public void setSpec(String spec) {
        this.spec = blankToNull(spec);
    }

    public String getExperimentId() {
        return experimentId;
    }

    /** Id of the experiment's saved state; default: derived from the build. */
    @DataBoundSetter
    public void setExperimentId(String experimentId) {
        this.experimentId = blankToNull(experimentId);
    }

    public boolean isFailOnBrokenHypothesis() {
        return failOnBrokenHypothesis;
    }

    /** Fail the build when the steady-state hypothesis broke (default true). */
    @DataBoundSetter
    public void setFailOnBrokenHypothesis(boolean failOnBrokenHypothesis) {
        this.failOnBrokenHypothesis = failOnBrokenHypothesis;
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new ChaosExperimentExecution(context,
                new ChaosExperimentRequest(specFile, spec, experimentId, failOnBrokenHypothesis));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    @Extension
    public static final class DescriptorImpl extends StepDescriptor {
        // one small pool for every experiment of this controller: no thread per running experiment
        private transient volatile ChaosRuntime runtime;

        @Override
        public String getFunctionName() {
            return "chaosExperiment";
        }

        @Override
        public String getDisplayName() {
            return "Chaos experiment with a steady-state hypothesis";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class);
        }

        ChaosRuntime runtime() {
            ChaosRuntime r = runtime;
            if (r == null) {
                synchronized (this) {
                    r = runtime;
                    if (r == null) {
                        ScheduledExecutorService pool = Executors.newScheduledThreadPool(2, task -> {
                            Thread t = new Thread(task, "devsim chaos scheduler");
                            t.setDaemon(true);
                            return t;
                        });
                        r = new SimulatorChaosRuntime(new ExecutorChaosScheduler(pool, Clock.system()), Clock.system());
                        runtime = r;
                    }
                }
            }
            return r;
        }
    }
}
