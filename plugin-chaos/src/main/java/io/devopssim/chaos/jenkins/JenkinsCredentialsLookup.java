package io.devopssim.chaos.jenkins;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.AbortException;
import hudson.model.Run;
import org.jenkinsci.plugins.workflow.steps.StepContext;

import java.io.IOException;

/**
 * {@link CredentialsLookup} through the credentials plugin, for the step's build (so folder and job credentials
 * count, and the build's user's permissions apply); records the use on the credential, as Jenkins' own steps do.
 */
final class JenkinsCredentialsLookup implements CredentialsLookup {

    @Override
    public ChaosCredential find(StepContext context, String credentialsId) throws IOException, InterruptedException {
        Run<?, ?> run = context.get(Run.class);
        StandardCredentials c = CredentialsProvider.findCredentialById(credentialsId, StandardCredentials.class, run);
        if (c == null) {
            throw new AbortException("chaosExperiment: no credential " + credentialsId + " for this build");
        }
        CredentialsProvider.track(run, c);
        return CredentialConversion.of(credentialsId, c);
    }
}
