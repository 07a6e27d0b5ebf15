package io.devopssim.deploy.jenkins;

import io.devopssim.core.gitops.GitCredentials;
import io.devopssim.core.spec.RolloutSpec;
import io.devopssim.deploy.RolloutContext;
import io.devopssim.deploy.RolloutListener;
import io.devopssim.deploy.RolloutScheduler;

import org.jenkinsci.plugins.workflow.steps.StepContext;

import java.io.IOException;
import java.nio.file.Path;

/** What a step execution runs against; one per controller, reached through the step's descriptor. */
public interface RolloutRuntime {

    RolloutScheduler scheduler();

    /** The build a step runs in: where its rollout state goes, and the id rollouts derive theirs from. */
    BuildRef build(StepContext context) throws IOException, InterruptedException;

    /**
     * @param rootDir          the build's own folder
     * @param externalizableId {@code job/path#number}
     */
    record BuildRef(Path rootDir, String externalizableId) {
    }

    RolloutContext context(String rolloutId, RolloutSpec spec, GitCredentials credentials, Path stateDir,
                           RolloutListener listener);
}
