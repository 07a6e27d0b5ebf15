package io.devopssim.chaos;

/** Where an experiment is. Only {@link #DONE} is terminal. */
public enum ExperimentPhase {
    /** Checking the steady state before anything is injected. */
    CHECKING_BEFORE,
    /** About to ask the backend for the faults (the state says they may be active from here on). */
    INJECTING,
    /** Faults in force; the hypothesis is checked every interval. */
    RUNNING,
    /** The faults are being halted; retried until the backend confirms. */
    HALTING,
    /** Faults halted; waiting for the steady state to come back. */
    RECOVERING,
    DONE
}
