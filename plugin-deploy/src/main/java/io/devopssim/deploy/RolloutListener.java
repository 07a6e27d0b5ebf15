package io.devopssim.deploy;

import io.devopssim.core.state.RolloutEvent;
import io.devopssim.core.state.RolloutState;

/** Told of every timeline event after the state that holds it was saved. */
@FunctionalInterface
public interface RolloutListener {
    RolloutListener NONE = (state, event) -> { };

    void onEvent(RolloutState state, RolloutEvent event);
}
