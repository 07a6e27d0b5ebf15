package io.devopssim.deploy.jenkins;

import org.jenkinsci.plugins.workflow.steps.StepContext;

import java.io.IOException;

/**
 * Finds a Jenkins credential by id for the build a step runs in. An interface so that tests supply credentials
 * without Jenkins; in Jenkins the credentials plugin's lookup ({@link JenkinsDeployCredentials}).
 */
interface DeployCredentials {

    /** Knows no credential: every id is refused. */
    DeployCredentials NONE = (context, id, step) -> {
        throw new hudson.AbortException(step + ": no credential " + id + " for this build");
    };

    /**
     * @param step for messages, e.g. {@code canaryRollout}
     * @throws hudson.AbortException no such credential for this build, or one of a kind that holds no usable
     *                               secret; the message names the id, never a secret
     */
    DeploySecret find(StepContext context, String credentialsId, String step) throws IOException, InterruptedException;
}
