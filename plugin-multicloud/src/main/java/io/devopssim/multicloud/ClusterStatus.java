package io.devopssim.multicloud;

/** Where one cluster is in its wave. */
public enum ClusterStatus {
    /** Its wave has not reached it (or never will: the plan ended before). */
    PENDING,
    /** Its rollout is running. */
    ROLLING_OUT,
    /** Its rollout promoted the release. */
    PROMOTED,
    /** Its rollout ended without a promotion (the gate said no, or it failed): the wave fails. */
    NOT_PROMOTED,
    /** Found unhealthy; its traffic is being shifted (policy shift) before it is skipped. */
    FAILING_OVER,
    /** Being left out of the release: its rollout is stopped and its commits reverted. */
    SKIPPING,
    /** Left out of the release after turning unhealthy; nothing of the release remains there. */
    SKIPPED,
    /** Being rolled back with its failed wave. */
    ROLLING_BACK,
    /** Rolled back with its failed wave; nothing of the release remains there. */
    ROLLED_BACK;

    /** Still part of its wave's rollout (not skipped, failed or rolled back). */
    public boolean active() {
        return this == ROLLING_OUT || this == PROMOTED;
    }
}
