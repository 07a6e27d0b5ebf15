package io.devopssim.multicloud.jenkins;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.model.Run;
import io.devopssim.core.gitops.GitCredentials;
import io.devopssim.core.spec.CredentialsSpec;
import io.devopssim.multicloud.CredentialResolver;
import org.jenkinsci.plugins.workflow.steps.StepContext;

import java.io.IOException;

/**
 * {@link CredentialsAccess} through the credentials plugin, for the step's build (folder and job credentials
 * count, and the build's permissions apply); every use is recorded on the credential, as Jenkins' own steps do.
 */
final class JenkinsCredentialsAccess implements CredentialsAccess {

    @Override
    public CredentialResolver clusters(StepContext context) throws IOException, InterruptedException {
        Run<?, ?> run = context.get(Run.class);
        return new ClusterCredentialConversion(id -> {
            StandardCredentials c = CredentialsProvider.findCredentialById(id, StandardCredentials.class, run);
            if (c != null) {
                CredentialsProvider.track(run, c);
            }
            return c;
        });
    }

    @Override
    public GitCredentials git(CredentialsSpec spec, StepContext context) throws IOException, InterruptedException {
        if (spec == null || (spec.usernameEnv() == null && spec.credentialsId() == null)) {
            return GitCredentials.ANONYMOUS;
        }
        if (spec.credentialsId() != null) {
            Run<?, ?> run = context.get(Run.class);
            StandardUsernamePasswordCredentials c = CredentialsProvider.findCredentialById(spec.credentialsId(),
                    StandardUsernamePasswordCredentials.class, run);
            if (c == null) {
                throw new AbortException("multiCloudRollout: no username/password credential " + spec.credentialsId()
                        + " for this build (gitops.credentials.credentialsId)");
            }
            CredentialsProvider.track(run, c);
            return new GitCredentials(c.getUsername(), c.getPassword().getPlainText().toCharArray());
        }
        EnvVars env = context.get(EnvVars.class);
        String user = env == null ? null : env.get(spec.usernameEnv());
        String password = env == null ? null : env.get(spec.passwordEnv());
        if (user == null || password == null) {
            throw new AbortException("multiCloudRollout: environment variables " + spec.usernameEnv() + " and "
                    + spec.passwordEnv() + " must both be set (withCredentials)");
        }
        return new GitCredentials(user, password.toCharArray());
    }
}
