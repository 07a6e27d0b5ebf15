package io.devopssim.deploy.argocd;

import java.util.Objects;

/**
 * One look at the Application: still {@link Phase#PENDING} (look again later), {@link Phase#DONE}
 * (Synced and Healthy at the expected revision) or {@link Phase#FAILED} (Degraded, a failed sync, or
 * out of time), with a message for the log and the state that led to it.
 */
public record WaitResult(Phase phase, String message, ApplicationState state) {

    /** The three outcomes of a poll. */
    public enum Phase {
        PENDING, DONE, FAILED
    }

    public WaitResult {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(message, "message");
    }

    public boolean isFinished() {
        return phase != Phase.PENDING;
    }
}
