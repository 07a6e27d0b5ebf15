package io.devopssim.chaos.gremlin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** For the CLI and tests: lives as long as the object. Thread-safe. */
public final class InMemoryAttackLedger implements AttackLedger {
    private final Map<String, List<String>> attacks = new LinkedHashMap<>();

    @Override
    public synchronized void begin(String experimentId) {
        attacks.putIfAbsent(experimentId, new ArrayList<>());
    }

    @Override
    public synchronized void record(String experimentId, String attackGuid) {
        attacks.computeIfAbsent(experimentId, k -> new ArrayList<>()).add(attackGuid);
    }

    @Override
    public synchronized Optional<List<String>> attacks(String experimentId) {
        return Optional.ofNullable(attacks.get(experimentId)).map(List::copyOf);
    }
}
