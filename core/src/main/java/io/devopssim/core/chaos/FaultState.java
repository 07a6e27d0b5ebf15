package io.devopssim.core.chaos;

/** What a backend says about one experiment's faults. */
public enum FaultState {
    /** The backend has no record of it (never started, or forgotten after a clean halt). */
    UNKNOWN,
    /** Being set up or in force. */
    ACTIVE,
    /** Ended by a halt; what the backend could restore is restored. */
    HALTED,
    /** Ran its full length and ended by itself. */
    COMPLETED,
    /** The backend could not inject or could not end it; see the detail. */
    FAILED;

    /** True while a fault may still be in force, which is what a kill switch must end. */
    public boolean mayBeActive() {
        return this == ACTIVE;
    }
}
