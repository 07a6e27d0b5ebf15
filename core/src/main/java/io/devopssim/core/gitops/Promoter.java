package io.devopssim.core.gitops;

/**
 * Port: the environment repository as a rollout sees it. {@link GitPromoter} is the JGit implementation.
 */
public interface Promoter {

    /** Commits one value change (see {@link PromotionRequest}); idempotent per rollout id and step. */
    PromotionResult promote(PromotionRequest request) throws PromotionException;

    /**
     * Commits several values of one manifest in one commit (values that must move together, such as both backend
     * weights of an HTTPRoute); idempotent per rollout id and step like a promotion.
     */
    PromotionResult promoteValues(ValuesPromotionRequest request) throws PromotionException;

    /** Reverts one commit as a new commit with trailers; idempotent per rollout id and step like a promotion. */
    PromotionResult revert(RevertRequest request) throws PromotionException;

    /**
     * The commit of this rollout step on the branch, if there is one: what a rollout whose record of a commit
     * was lost (stopped between the push and its save) finds again.
     */
    java.util.Optional<CommitInfo> findCommit(String repoUrl, String branch, GitCredentials credentials, String rolloutId,
                                              String step) throws PromotionException;

    /** The newest {@code max} commits of the branch, newest first: what a rollout's commits are read back from. */
    java.util.List<CommitInfo> log(String repoUrl, String branch, GitCredentials credentials, int max)
            throws PromotionException;

    /** The values at {@code locators} in {@code file} at the tip of {@code branch}, read from one fetch. */
    java.util.List<String> currentValues(String repoUrl, String branch, String file, java.util.List<ValueLocator> locators,
                                         GitCredentials credentials) throws PromotionException;

    /** The value at {@code locator} in {@code file} at the tip of {@code branch}. */
    String currentValue(String repoUrl, String branch, String file, ValueLocator locator, GitCredentials credentials)
            throws PromotionException;
}
