package io.devopssim.multicloud.jenkins;

import io.devopssim.core.gitops.GitCredentials;
import io.devopssim.core.spec.CredentialsSpec;
import io.devopssim.multicloud.CredentialResolver;
import org.jenkinsci.plugins.workflow.steps.StepContext;

import java.io.IOException;

/**
 * The secrets a step needs, for the build it runs in: each cluster's token or client certificate, and the
 * environment repository's user and password. Behind an interface so that tests supply them without Jenkins.
 */
public interface CredentialsAccess {

    /** Resolves cluster credential ids when a cluster's client is made. */
    CredentialResolver clusters(StepContext context) throws IOException, InterruptedException;

    /**
     * The environment repository's credentials: from the build's environment ({@code withCredentials}) or a
     * username/password credential by id.
     *
     * @throws hudson.AbortException naming what is missing, never a secret
     */
    GitCredentials git(CredentialsSpec spec, StepContext context) throws IOException, InterruptedException;
}
