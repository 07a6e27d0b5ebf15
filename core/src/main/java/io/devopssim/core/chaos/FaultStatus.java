package io.devopssim.core.chaos;

import java.util.Objects;

/**
 * @param state  where the experiment's faults are
 * @param detail one line for a person (the backend's own stage name, what was restored); never a secret
 */
public record FaultStatus(FaultState state, String detail) {
    public FaultStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(detail, "detail");
    }
}
