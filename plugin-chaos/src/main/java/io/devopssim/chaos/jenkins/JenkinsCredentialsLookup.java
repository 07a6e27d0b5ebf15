package io.devopssim.chaos.jenkins;

import hudson.AbortException;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/** Placeholder until the credentials stubs land (see README): refuses every lookup. */
final class JenkinsCredentialsLookup implements CredentialsLookup {
    @Override
    public ChaosCredential find(StepContext context, String credentialsId) throws AbortException {
        throw new AbortException("chaosExperiment: credential " + credentialsId + " cannot be looked up yet");
    }
}
