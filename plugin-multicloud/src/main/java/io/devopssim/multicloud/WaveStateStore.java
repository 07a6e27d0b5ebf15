package io.devopssim.multicloud;

import java.io.IOException;
import java.util.Optional;

/** Port: keeps a wave plan's state between transitions; a save is atomic (old state or new, never a mix). */
public interface WaveStateStore {
    void save(WaveRunState state) throws IOException;

    Optional<WaveRunState> load(String planId) throws IOException;
}
