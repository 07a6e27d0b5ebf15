package io.devopssim.core.gitops;

/**
 * What a promotion did.
 *
 * @param commitId         the commit that carries the trailers (new, or found in history)
 * @param alreadyCommitted true when history already had it and nothing was pushed
 * @param previousValue    the value before this commit
 * @param attempts         push attempts (1 when there was no race)
 */
public record PromotionResult(String commitId, boolean alreadyCommitted, String previousValue, int attempts) {
}
