package io.devopssim.core.gitops;

import java.util.Objects;

/**
 * Revert one commit of the environment repository, as a new commit (rollback by revert: Argo CD then syncs
 * the previous state instead of fighting a manual change).
 *
 * @param repoUrl     clone URL
 * @param branch      branch the commit is on, and that gets the revert
 * @param commitId    the commit to revert (full or abbreviated id)
 * @param summary     first line of the revert's message
 * @param trailers    audit trailers; a commit with the same rollout id and step already on the branch means
 *                    the revert is done, and nothing is committed again
 * @param credentials for the fetch and the push
 */
public record RevertRequest(String repoUrl, String branch, String commitId, String summary, CommitTrailers trailers,
                            GitCredentials credentials) {
    public RevertRequest {
        Objects.requireNonNull(repoUrl, "repoUrl");
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(commitId, "commitId");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(trailers, "trailers");
        Objects.requireNonNull(credentials, "credentials");
    }
}
