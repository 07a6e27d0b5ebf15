package io.devopssim.chaos.gremlin;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Which Gremlin attacks each experiment created, kept where a restarted controller finds them, so
 * that its halt and kill switch reach attacks a previous process started. Each attack is recorded as
 * soon as Gremlin names it.
 */
public interface AttackLedger {
    /** Notes that the experiment started (before any attack), so a repeated start creates nothing. */
    void begin(String experimentId) throws IOException;

    void record(String experimentId, String attackGuid) throws IOException;

    /** The experiment's attacks; empty when it never started here. */
    Optional<List<String>> attacks(String experimentId) throws IOException;
}
