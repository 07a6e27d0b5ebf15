package io.devopssim.core.state;

import java.io.IOException;
import java.util.Optional;

/**
 * Port: keeps a rollout's state between transitions so a restarted controller (or CLI) resumes where it
 * stopped. A save is atomic: after a crash the store holds the old state or the new one, never a mix.
 */
public interface StateStore {
    void save(RolloutState state) throws IOException;

    Optional<RolloutState> load(String rolloutId) throws IOException;
}
