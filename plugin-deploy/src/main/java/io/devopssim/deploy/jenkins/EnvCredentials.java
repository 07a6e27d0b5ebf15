package io.devopssim.deploy.jenkins;

import hudson.AbortException;
import hudson.EnvVars;
import io.devopssim.core.gitops.GitCredentials;
import io.devopssim.core.spec.CredentialsSpec;

/**
 * Git credentials from the build's environment (set by {@code withCredentials}), read when needed and
 * never stored: a step keeps only the variables' names.
 */
final class EnvCredentials {
    private EnvCredentials() {
    }

    static GitCredentials git(CredentialsSpec c, EnvVars env, String step) throws AbortException {
        if (c == null || (c.usernameEnv() == null && c.credentialsId() == null)) {
            return GitCredentials.ANONYMOUS;
        }
        if (c.credentialsId() != null) {
            throw new AbortException(step + ": credentialsId is not supported yet; wrap the step in"
                    + " withCredentials([usernamePassword(...)]) and name the variables in usernameEnv and passwordEnv");
        }
        String user = env == null ? null : env.get(c.usernameEnv());
        String password = env == null ? null : env.get(c.passwordEnv());
        if (user == null || password == null) {
            throw new AbortException(step + ": environment variables " + c.usernameEnv() + " and " + c.passwordEnv()
                    + " must both be set (withCredentials)");
        }
        return new GitCredentials(user, password.toCharArray());
    }
}
