package io.devopssim.multicloud;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** For tests and one-shot dry runs: state lives as long as the object. */
public final class InMemoryWaveStateStore implements WaveStateStore {
    private final Map<String, WaveRunState> states = new ConcurrentHashMap<>();

    @Override
    public void save(WaveRunState state) {
        states.put(state.planId(), state);
    }

    @Override
    public Optional<WaveRunState> load(String planId) {
        return Optional.ofNullable(states.get(planId));
    }
}
