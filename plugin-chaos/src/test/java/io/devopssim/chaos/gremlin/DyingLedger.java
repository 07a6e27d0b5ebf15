package io.devopssim.chaos.gremlin;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * A ledger over a durable one, in a controller that dies at a chosen write: the {@code n}-th intent
 * ({@link Point#BEFORE_CREATE}: the attack is not asked for yet) or the {@code n}-th record
 * ({@link Point#BEFORE_RECORD}: Gremlin created the attack, its id is not written down). Dying is a
 * {@link ControllerDied} that no production code catches, so nothing runs after it, as in a dead process.
 */
public final class DyingLedger implements AttackLedger {
    public enum Point { BEFORE_CREATE, BEFORE_RECORD }

    /** The process is gone. */
    public static final class ControllerDied extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ControllerDied(String where) {
            super("controller died " + where);
        }
    }

    private final AttackLedger durable;
    private final Point point;
    private final int n;
    private int intents;
    private int records;

    public DyingLedger(AttackLedger durable, Point point, int n) {
        this.durable = durable;
        this.point = point;
        this.n = n;
    }

    @Override
    public void begin(String experimentId) throws IOException {
        durable.begin(experimentId);
    }

    @Override
    public void intend(String experimentId, int index, String tag) throws IOException {
        durable.intend(experimentId, index, tag);
        if (point == Point.BEFORE_CREATE && ++intents == n) {
            throw new ControllerDied("after writing intent " + tag + ", before asking Gremlin");
        }
    }

    @Override
    public void record(String experimentId, String tag, String attackGuid) throws IOException {
        if (point == Point.BEFORE_RECORD && ++records == n) {
            throw new ControllerDied("after Gremlin created " + attackGuid + ", before writing it down");
        }
        durable.record(experimentId, tag, attackGuid);
    }

    @Override
    public Optional<List<LedgerEntry>> entries(String experimentId) throws IOException {
        return durable.entries(experimentId);
    }
}
