package io.devopssim.multicloud.jenkins;

import org.jenkinsci.plugins.workflow.steps.StepContext;

import java.io.IOException;
import java.nio.file.Path;

/** What a step needs of its build: where to keep state, an id to derive names from, and where to show its summary. */
public interface BuildAccess {

    BuildRef build(StepContext context) throws IOException, InterruptedException;

    /**
     * Adds the plan's summary to the build, unless it already shows one for that plan, and the build's
     * {@link WaveApprovalAction} unless it has it.
     */
    void publish(StepContext context, WaveSummaryAction action) throws IOException, InterruptedException;

    /**
     * @param rootDir          the build's own folder
     * @param externalizableId {@code job/path#number}
     */
    record BuildRef(Path rootDir, String externalizableId) {
    }
}
