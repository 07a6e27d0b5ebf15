package io.devopssim.multicloud.jenkins;

import io.devopssim.core.gitops.GitCredentials;
import io.devopssim.core.spec.CredentialsSpec;
import io.devopssim.multicloud.CredentialResolver;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/** The clusters' tokens and the repository's login, as the credentials plugin would give them to the build. */
final class TestCredentials implements CredentialsAccess {
    private final CredentialResolver clusters;
    private final GitCredentials git;

    TestCredentials(CredentialResolver clusters, GitCredentials git) {
        this.clusters = clusters;
        this.git = git;
    }

    @Override
    public CredentialResolver clusters(StepContext context) {
        return clusters;
    }

    @Override
    public GitCredentials git(CredentialsSpec spec, StepContext context) {
        return git;
    }
}
