package io.devopssim.core.gitops;

/**
 * Port: the environment repository as a rollout sees it. {@link GitPromoter} is the JGit implementation.
 */
public interface Promoter {

    /** Commits one value change (see {@link PromotionRequest}); idempotent per rollout id and step. */
    PromotionResult promote(PromotionRequest request) throws PromotionException;

    /** Reverts one commit as a new commit with trailers; idempotent per rollout id and step like a promotion. */
    PromotionResult revert(RevertRequest request) throws PromotionException;

    /**
     * The commit of this rollout step on the branch, if there is one: what a rollout whose record of a commit
     * was lost (stopped between the push and its save) finds again.
     */
    java.util.Optional<CommitInfo> findCommit(String repoUrl, String branch, GitCredentials credentials, String rolloutId,
                                              String step) throws PromotionException;

    /** The value at {@code locator} in {@code file} at the tip of {@code branch}. */
    String currentValue(String repoUrl, String branch, String file, ValueLocator locator, GitCredentials credentials)
            throws PromotionException;
}
