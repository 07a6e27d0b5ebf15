package io.devopssim.chaos.gremlin;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Which Gremlin attacks each experiment asked for and which Gremlin created, kept where a restarted
 * controller finds them, so that its halt and kill switch reach attacks a previous process started.
 *
 * <p>An attack is written down twice: as an <em>intent</em>, with the tag it will carry, <b>before</b> it is
 * asked for, and with its id once Gremlin names it. A process that dies between the two leaves an intent
 * without an id; whoever comes next finds the attack among the team's active ones by its tag.
 */
public interface AttackLedger {
    /** Notes that the experiment started (before any attack), so a repeated start knows it. */
    void begin(String experimentId) throws IOException;

    /** Before attack number {@code index} of the experiment is asked for: the tag it will carry. Durable on return. */
    void intend(String experimentId, int index, String tag) throws IOException;

    /** Gremlin created the attack intended with {@code tag}, and named it {@code attackGuid}. Durable on return. */
    void record(String experimentId, String tag, String attackGuid) throws IOException;

    /** The experiment's attacks, in the order they were intended; empty when it never started here. */
    Optional<List<LedgerEntry>> entries(String experimentId) throws IOException;

    /**
     * One attack of an experiment.
     *
     * @param index which of the experiment's faults it is for (a fault intended twice, after a crash, has two entries)
     * @param tag   the client-generated tag it was created with
     * @param guid  Gremlin's id for it; null while it is only intended (not asked for yet, or asked for by a
     *              process that died before it could write the answer down)
     */
    record LedgerEntry(int index, String tag, String guid) {
        public boolean created() {
            return guid != null;
        }

        LedgerEntry withGuid(String attackGuid) {
            return new LedgerEntry(index, tag, attackGuid);
        }
    }
}
