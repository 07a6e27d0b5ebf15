package io.devopssim.core.gitops;

import java.util.Objects;

/**
 * Change one value in one manifest of the environment repository, as one commit.
 *
 * @param repoUrl     clone URL (http(s)://, file://, or a path)
 * @param branch      branch to push to
 * @param file        path of the manifest inside the repository
 * @param locator     where the value is
 * @param newValue    the value to write; null to record a decision without changing the value (a rollback of
 *                    a release never promoted: whatever the branch holds by then, a newer promotion
 *                    included, stays)
 * @param summary     first line of the commit message
 * @param trailers    audit trailers; a commit with the same rollout id and step already on the branch
 *                    means the promotion is done, and nothing is committed again
 * @param credentials for the push (and the fetch)
 */
public record PromotionRequest(String repoUrl, String branch, String file, ValueLocator locator, String newValue,
                               String summary, CommitTrailers trailers, GitCredentials credentials) {
    public PromotionRequest {
        Objects.requireNonNull(repoUrl, "repoUrl");
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(locator, "locator");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(trailers, "trailers");
        Objects.requireNonNull(credentials, "credentials");
    }
}
