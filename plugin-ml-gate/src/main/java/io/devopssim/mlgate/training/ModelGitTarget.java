package io.devopssim.mlgate.training;

import io.devopssim.core.gitops.GitCredentials;

import java.util.Objects;

/**
 * Where a promoted model is also committed.
 *
 * @param repoUrl     clone URL (http(s), file, or a path)
 * @param branch      branch to commit to
 * @param path        directory inside the repository that plays the model directory ({@code v0001/...}, {@code CURRENT})
 * @param credentials for the fetch and the push (never logged)
 */
public record ModelGitTarget(String repoUrl, String branch, String path, GitCredentials credentials) {
    public ModelGitTarget {
        Objects.requireNonNull(repoUrl, "repoUrl");
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(credentials, "credentials");
        path = path.replace('\\', '/').replaceAll("^/+|/+$", "");
    }

    /** {@code path/file}, or {@code file} at the repository root. */
    String file(String relative) {
        return path.isEmpty() ? relative : path + "/" + relative;
    }
}
