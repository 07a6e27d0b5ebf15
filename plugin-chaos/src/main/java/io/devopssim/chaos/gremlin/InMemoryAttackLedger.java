package io.devopssim.chaos.gremlin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** For the CLI and tests: lives as long as the object. Thread-safe. */
public final class InMemoryAttackLedger implements AttackLedger {
    private final Map<String, List<LedgerEntry>> entries = new LinkedHashMap<>();

    @Override
    public synchronized void begin(String experimentId) {
        entries.putIfAbsent(experimentId, new ArrayList<>());
    }

    @Override
    public synchronized void intend(String experimentId, int index, String tag) {
        entries.computeIfAbsent(experimentId, k -> new ArrayList<>()).add(new LedgerEntry(index, tag, null));
    }

    @Override
    public synchronized void record(String experimentId, String tag, String attackGuid) {
        List<LedgerEntry> list = entries.computeIfAbsent(experimentId, k -> new ArrayList<>());
        LedgerLines.fill(list, tag, attackGuid);
    }

    @Override
    public synchronized Optional<List<LedgerEntry>> entries(String experimentId) {
        return Optional.ofNullable(entries.get(experimentId)).map(List::copyOf);
    }
}
