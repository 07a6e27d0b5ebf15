package io.devopssim.core.gitops;

import java.util.List;
import java.util.Objects;

/**
 * Change several values of one manifest in one commit, for values that must move together (the traffic
 * weights of several clusters: a share taken from one is given to the others in the same commit, so no
 * revision of the repository has the traffic counted twice or lost).
 *
 * @param repoUrl     clone URL
 * @param branch      branch to push to
 * @param file        path of the manifest inside the repository
 * @param changes     the values, applied in order; at least one
 * @param summary     first line of the commit message
 * @param trailers    audit trailers; a commit with the same rollout id and step already on the branch means the
 *                    change is done, and nothing is committed again
 * @param credentials for the push (and the fetch)
 */
public record ValuesPromotionRequest(String repoUrl, String branch, String file, List<ValueChange> changes,
                                     String summary, CommitTrailers trailers, GitCredentials credentials) {
    public ValuesPromotionRequest {
        Objects.requireNonNull(repoUrl, "repoUrl");
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(trailers, "trailers");
        Objects.requireNonNull(credentials, "credentials");
        changes = List.copyOf(changes);
        if (changes.isEmpty()) {
            throw new IllegalArgumentException("a values promotion changes at least one value");
        }
    }
}
