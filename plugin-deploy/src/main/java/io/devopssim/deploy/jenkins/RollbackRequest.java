package io.devopssim.deploy.jenkins;

import java.io.Serializable;

/**
 * {@code rollbackRelease}'s arguments: which rollout to take back, and the environment repository either
 * from {@code specFile} (a rollout spec's gitops section) or inline; null for what is not given.
 *
 * @param rolloutId   the rollout whose commits are reverted
 * @param specFile    workspace-relative rollout spec
 * @param repo        environment repository URL
 * @param branch      its branch (default main)
 * @param usernameEnv environment variable holding the Git user name
 * @param passwordEnv environment variable holding the Git password or token
 * @param reason      why, for the revert commits (default: the build)
 * @param credentialsId a Jenkins username-with-password credential for the repository (instead of the variables)
 */
public record RollbackRequest(String rolloutId, String specFile, String repo, String branch, String usernameEnv,
                              String passwordEnv, String reason, String credentialsId) implements Serializable {

    /** With the login from variables of the build's environment, or none. */
    public RollbackRequest(String rolloutId, String specFile, String repo, String branch, String usernameEnv,
                           String passwordEnv, String reason) {
        this(rolloutId, specFile, repo, branch, usernameEnv, passwordEnv, reason, null);
    }

    boolean hasInlineTarget() {
        return repo != null || branch != null || usernameEnv != null || passwordEnv != null || credentialsId != null;
    }
}
