package io.devopssim.multicloud;

/** Where a wave plan is. The last four are terminal. */
public enum PlanPhase {
    /** A wave is sizing, rolling out or soaking. */
    RUNNING,
    /**
     * Every running rollout of the wave reached a {@code pause: {}}: the wave waits for one approval
     * ({@link WaveEngine#approve}), which lets all of them go on. Nothing is checked meanwhile; the first thing after
     * the approval is a health look.
     */
    PAUSED,
    /** A wave failed (a gate, a failover that aborts) or the plan was aborted: its clusters are being rolled back. */
    ROLLING_BACK,
    /** Every wave passed (clusters skipped by failover are listed as such). */
    SUCCEEDED,
    /** A wave failed and every cluster it touched was rolled back by commit; earlier waves keep the release. */
    ROLLED_BACK,
    /** Stopped by a person; the running wave was rolled back by commit. */
    ABORTED,
    /** Could not finish a rollback (the repository refused every attempt, a revert conflicted): see the outcome. */
    FAILED;

    public boolean isTerminal() {
        return this == SUCCEEDED || this == ROLLED_BACK || this == ABORTED || this == FAILED;
    }
}
