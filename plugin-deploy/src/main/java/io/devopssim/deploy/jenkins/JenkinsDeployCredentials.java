package io.devopssim.deploy.jenkins;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.AbortException;
import hudson.model.Run;
import org.jenkinsci.plugins.workflow.steps.StepContext;

import java.io.IOException;

/**
 * {@link DeployCredentials} through the credentials plugin, for the step's build (folder and job credentials count,
 * the build's permissions apply); records the use on the credential, as Jenkins' own steps do.
 */
final class JenkinsDeployCredentials implements DeployCredentials {

    @Override
    public DeploySecret find(StepContext context, String credentialsId, String step) throws IOException, InterruptedException {
        Run<?, ?> run = context.get(Run.class);
        StandardCredentials c = CredentialsProvider.findCredentialById(credentialsId, StandardCredentials.class, run);
        if (c == null) {
            throw new AbortException(step + ": no credential " + credentialsId + " for this build");
        }
        CredentialsProvider.track(run, c);
        return CredentialKinds.of(credentialsId, c, step);
    }
}
