package io.devopssim.core.sim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Every state the fleet has been in, oldest first. Immutable: a change makes a new history, so a
 * reader holding one sees a consistent past while the simulator moves on.
 */
final class FleetHistory {
    private final List<FleetState> states;

    private FleetHistory(List<FleetState> states) {
        this.states = List.copyOf(states);
    }

    static FleetHistory startingWith(FleetState origin) {
        return new FleetHistory(List.of(origin));
    }

    List<FleetState> states() {
        return states;
    }

    FleetState latest() {
        return states.get(states.size() - 1);
    }

    Instant origin() {
        return states.get(0).since();
    }

    /**
     * Appends a state. A change is never recorded before the latest one (a wall clock may step back),
     * and a change at the same instant replaces the latest state, so the last word at an instant wins
     * (a change at the origin's instant follows it instead, and wins from that instant on).
     */
    FleetHistory with(FleetState next) {
        List<FleetState> copy = new ArrayList<>(states);
        FleetState last = latest();
        Instant at = next.since().isBefore(last.since()) ? last.since() : next.since();
        FleetState placed = next.since(at);
        if (at.equals(last.since()) && copy.size() > 1) {
            copy.set(copy.size() - 1, placed);
        } else {
            // the origin stays, so that before the simulator started only the stable version ran
            copy.add(placed);
        }
        return new FleetHistory(copy);
    }

    /** The state in force at {@code t}; before the origin, the origin's state (only stable ran). */
    FleetState at(Instant t) {
        return states.get(indexAt(t));
    }

    /**
     * Since when the version's pods have been up without interruption at {@code t}: the start of the
     * run of states in which it had traffic, or the origin. Memory grows with this age.
     */
    Instant upSince(Version version, Instant t) {
        int i = indexAt(t);
        while (i > 0 && states.get(i - 1).share(version) > 0) {
            i--;
        }
        return states.get(i).since();
    }

    private int indexAt(Instant t) {
        int lo = 0;
        int hi = states.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (states.get(mid).since().isAfter(t)) {
                hi = mid - 1;
            } else {
                lo = mid;
            }
        }
        return lo;
    }
}
