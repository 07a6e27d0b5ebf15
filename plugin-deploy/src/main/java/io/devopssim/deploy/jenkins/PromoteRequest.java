package io.devopssim.deploy.jenkins;

import java.io.Serializable;

/**
 * {@code promoteRelease}'s arguments. Either {@code specFile} (a rollout spec: its {@code gitops} section is
 * the target, its image the value) or the target inline ({@code repo}, {@code file}, one of {@code yaml},
 * {@code helm}, {@code kustomizeImage}, and {@code value}); null for what is not given.
 *
 * @param specFile       workspace-relative rollout spec
 * @param repo           environment repository URL
 * @param branch         its branch (default main)
 * @param file           manifest path inside the repository
 * @param yaml           YAML path of the value
 * @param helm           Helm values key
 * @param kustomizeImage Kustomize image name whose newTag is the value
 * @param value          the value to commit (with specFile, default: the spec's image or tag)
 * @param usernameEnv    environment variable holding the Git user name
 * @param passwordEnv    environment variable holding the Git password or token
 * @param rolloutId      id the commit carries (default: from the build and the target)
 * @param credentialsId  a Jenkins username-with-password credential for the repository (instead of the variables)
 */
public record PromoteRequest(String specFile, String repo, String branch, String file, String yaml, String helm,
                             String kustomizeImage, String value, String usernameEnv, String passwordEnv,
                             String rolloutId, String credentialsId) implements Serializable {

    /** With the login from variables of the build's environment, or none. */
    public PromoteRequest(String specFile, String repo, String branch, String file, String yaml, String helm,
                          String kustomizeImage, String value, String usernameEnv, String passwordEnv, String rolloutId) {
        this(specFile, repo, branch, file, yaml, helm, kustomizeImage, value, usernameEnv, passwordEnv, rolloutId, null);
    }

    /** Whether any part of an inline target is given. */
    boolean hasInlineTarget() {
        return repo != null || branch != null || file != null || yaml != null || helm != null || kustomizeImage != null
                || usernameEnv != null || passwordEnv != null || credentialsId != null;
    }
}
