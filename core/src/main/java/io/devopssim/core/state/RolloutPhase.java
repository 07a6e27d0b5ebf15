package io.devopssim.core.state;

/** Where a rollout is. The last four are terminal. */
public enum RolloutPhase {
    /** Running its steps (possibly waiting for a pause or an analysis window to elapse). */
    PROGRESSING,
    /** Every step passed; the promotion commit is being made. */
    PROMOTING,
    /** Paused until a person approves or aborts; nothing happens meanwhile. */
    PAUSED,
    /** The promotion is committed; waiting for the deployment (Argo CD) to be in sync and healthy at it. */
    VERIFYING,
    /** A verdict or an abort asked for the stable version back; the rollback is being made. */
    ROLLING_BACK,
    PROMOTED,
    ROLLED_BACK,
    ABORTED,
    /** Could not finish (e.g. the environment repository refused every attempt); canary weight is 0. */
    FAILED;

    public boolean isTerminal() {
        return this == PROMOTED || this == ROLLED_BACK || this == ABORTED || this == FAILED;
    }
}
