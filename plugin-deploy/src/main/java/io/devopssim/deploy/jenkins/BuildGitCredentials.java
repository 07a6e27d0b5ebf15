package io.devopssim.deploy.jenkins;

import hudson.AbortException;
import io.devopssim.core.gitops.GitCredentials;
import io.devopssim.core.spec.CredentialsSpec;

import java.io.IOException;
import java.util.function.Function;

/**
 * The environment repository's login for a step: a Jenkins username-with-password credential
 * ({@code credentialsId}), or two variables of the build's environment ({@code usernameEnv}/{@code passwordEnv},
 * set by {@code withCredentials}). Read when needed and never stored: a step keeps only the id or the names.
 */
final class BuildGitCredentials {
    private BuildGitCredentials() {
    }

    /**
     * @param env    the build's environment
     * @param lookup the build's credentials
     * @throws AbortException a variable not set, no such credential, or one that is not a username with password;
     *                        the message names the variables or the id, never a value
     */
    static GitCredentials git(CredentialsSpec c, Function<String, String> env, StepSecrets.Lookup lookup, String step)
            throws IOException, InterruptedException {
        if (c == null || (c.usernameEnv() == null && c.credentialsId() == null)) {
            return GitCredentials.ANONYMOUS;
        }
        if (c.credentialsId() != null) {
            DeploySecret s = lookup.find(c.credentialsId());
            if (s instanceof DeploySecret.UsernamePassword up) {
                return new GitCredentials(up.username(), up.password().toCharArray());
            }
            throw new AbortException(step + ": credentialsId " + c.credentialsId()
                    + " must be a username with password (the Git user and its password or token)");
        }
        String user = env.apply(c.usernameEnv());
        String password = env.apply(c.passwordEnv());
        if (user == null || password == null) {
            throw new AbortException(step + ": environment variables " + c.usernameEnv() + " and " + c.passwordEnv()
                    + " must both be set (withCredentials)");
        }
        return new GitCredentials(user, password.toCharArray());
    }
}
