package io.devopssim.core.gitops;

import java.util.Optional;

/**
 * Port: the environment repository as a rollout sees it. {@link GitPromoter} is the JGit implementation.
 */
public interface Promoter {

    /** Commits one value change (see {@link PromotionRequest}); idempotent per rollout id and step. */
    PromotionResult promote(PromotionRequest request) throws PromotionException;

    /** Reverts one commit as a new commit with trailers; idempotent per rollout id and step like a promotion. */
    PromotionResult revert(RevertRequest request) throws PromotionException;

    /** The value at {@code locator} in {@code file} at the tip of {@code branch}. */
    String currentValue(String repoUrl, String branch, String file, ValueLocator locator, GitCredentials credentials)
            throws PromotionException;

    /** The commit of one rollout step on the branch (by its {@code Rollout-Id} and {@code Step} trailers), if any. */
    Optional<CommitInfo> findCommit(String repoUrl, String branch, GitCredentials credentials, String rolloutId,
                                    String step) throws PromotionException;
}
