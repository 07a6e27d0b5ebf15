package io.devopssim.chaos.jenkins;

import io.devopssim.chaos.ChaosRunner;
import io.devopssim.chaos.ExperimentSpec;
import org.jenkinsci.plugins.workflow.steps.StepContext;

import java.io.IOException;
import java.nio.file.Path;

/** What a chaosExperiment execution runs against; one per controller, reached through the step's descriptor. */
public interface ChaosRuntime {

    ChaosScheduler scheduler();

    /** The build a step runs in: where its experiment state goes, and the id experiments derive theirs from. */
    BuildRef build(StepContext context) throws IOException, InterruptedException;

    /**
     * @param rootDir          the build's own folder
     * @param externalizableId {@code job/path#number}
     */
    record BuildRef(Path rootDir, String externalizableId) {
    }

    /** A runner for one experiment, saving its state in {@code stateDir}. */
    ChaosRunner runner(String experimentId, ExperimentSpec spec, Path stateDir);
}
