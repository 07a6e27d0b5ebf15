package io.devopssim.core.gitops;

/**
 * What a promotion did.
 *
 * @param commitId         the commit that carries the trailers (new, or found in history)
 * @param alreadyCommitted true when history already had it and nothing was pushed
 * @param previousValue    the value before this commit (null for a revert, or when it cannot be read)
 * @param attempts         push attempts (1 when there was no race; 0 when nothing was pushed)
 * @param valueChanged     whether the commit changed the file. False when the value already was the new
 *                         one: the promoter still commits (an empty commit with the trailers), so that the
 *                         decision is in the audit trail and a resumed rollout finds it.
 */
public record PromotionResult(String commitId, boolean alreadyCommitted, String previousValue, int attempts,
                              boolean valueChanged) {

    /** For callers (and test fakes) that do not track whether the file changed: it did. */
    public PromotionResult(String commitId, boolean alreadyCommitted, String previousValue, int attempts) {
        this(commitId, alreadyCommitted, previousValue, attempts, true);
    }
}
