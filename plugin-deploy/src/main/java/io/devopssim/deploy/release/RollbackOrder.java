package io.devopssim.deploy.release;

import java.util.Objects;

/**
 * Take back what rollout {@code rolloutId} committed to {@code branch} of {@code repoUrl}, by revert commits.
 *
 * @param rolloutId the rollout whose promotion commits are reverted
 * @param repoUrl   the environment repository
 * @param branch    its branch
 * @param reason    why, for the commit messages and the timeline
 */
public record RollbackOrder(String rolloutId, String repoUrl, String branch, String reason) {
    public RollbackOrder {
        Objects.requireNonNull(rolloutId, "rolloutId");
        Objects.requireNonNull(repoUrl, "repoUrl");
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(reason, "reason");
    }

    String digest() {
        return PromotionOrder.Digests.of(rolloutId, repoUrl, branch);
    }
}
