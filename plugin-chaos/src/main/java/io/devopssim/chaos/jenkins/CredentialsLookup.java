package io.devopssim.chaos.jenkins;

import org.jenkinsci.plugins.workflow.steps.StepContext;

import java.io.IOException;

/**
 * Finds a credential by id for the build a step runs in. Behind an interface so that tests supply credentials
 * without Jenkins; in Jenkins it is the credentials plugin's lookup (JenkinsCredentialsLookup).
 */
public interface CredentialsLookup {

    /**
     * @throws hudson.AbortException when there is no such credential for this build, or it is of a kind that
     *                               holds no usable secret; the message names the id, never a secret
     */
    ChaosCredential find(StepContext context, String credentialsId) throws IOException, InterruptedException;
}
