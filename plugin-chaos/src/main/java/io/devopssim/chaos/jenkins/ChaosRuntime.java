package io.devopssim.chaos.jenkins;

import io.devopssim.core.time.Scheduler;
import io.devopssim.chaos.ChaosRunner;
import io.devopssim.chaos.ExperimentSpec;
import org.jenkinsci.plugins.workflow.steps.StepContext;

import java.io.IOException;
import java.nio.file.Path;

/**
 * What a chaosExperiment execution runs against: one per backend kind and controller, reached through the step's
 * descriptor ({@link SimulatorChaosRuntime}, {@link KubernetesChaosRuntime}, {@link GremlinChaosRuntime}); tests
 * hand one to the execution.
 */
public interface ChaosRuntime {

    Scheduler scheduler();

    BuildAccess builds();

    /**
     * A runner for one experiment, on the backend the settings name, saving its state in {@code stateDir}. Called at
     * the start and again after a controller restart; any secret is looked up here and kept only in the runner.
     *
     * @throws hudson.AbortException when the backend cannot be reached as configured (a missing credential...)
     */
    ChaosRunner runner(RunnerRequest request) throws IOException, InterruptedException;

    /** The experiment is over: let go of what was kept for it (clients, connections). */
    default void release(String experimentId) {
    }

    /**
     * @param settings which backend, checked against the spec
     * @param context  the step's context, to look credentials up for its build
     */
    record RunnerRequest(String experimentId, ExperimentSpec spec, Path stateDir, BackendSettings settings,
                         StepContext context) {
    }
}
