package io.devopssim.deploy;

import io.devopssim.core.model.Judgement;
import io.devopssim.core.state.RolloutEvent;
import io.devopssim.core.state.RolloutEvent.Kind;
import io.devopssim.core.state.RolloutState;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * A rollout's saved state and its timeline: every transition is saved before anyone hears of it, and
 * what the rollout already did (its promotion commit, its last judgement, an abort) is read back from it.
 */
final class Timeline {
    private final RolloutContext ctx;

    Timeline(RolloutContext ctx) {
        this.ctx = ctx;
    }

    Optional<RolloutState> load() throws RolloutException {
        try {
            return ctx.store().load(ctx.rolloutId());
        } catch (IOException e) {
            throw new RolloutException("cannot read the state of rollout " + ctx.rolloutId() + ": " + e.getMessage(), e);
        }
    }

    RolloutState loadStarted() throws RolloutException {
        return load().orElseThrow(() -> new RolloutException("rollout " + ctx.rolloutId() + " was never started"));
    }

    RolloutState save(RolloutState s) throws RolloutException {
        try {
            ctx.store().save(s);
            return s;
        } catch (IOException e) {
            throw new RolloutException("cannot save the state of rollout " + s.rolloutId() + ": " + e.getMessage(), e);
        }
    }

    /** Appends the event, saves, then tells the listener; a rollout that ended goes to the release history. */
    RolloutState record(RolloutState s, RolloutEvent e) throws RolloutException {
        return recordAll(s, List.of(e));
    }

    /**
     * Appends the events and saves them in one write, then tells the listener of each; a rollout that ended
     * goes to the release history.
     */
    RolloutState recordAll(RolloutState s, List<RolloutEvent> events) throws RolloutException {
        RolloutState next = s;
        for (RolloutEvent e : events) {
            next = next.withEvent(e);
        }
        save(next);
        for (RolloutEvent e : events) {
            ctx.listener().onEvent(next, e);
        }
        if (next.phase().isTerminal()) {
            ctx.history().finished(next, ctx.spec(), ctx.analysis()); // the labelled example; never fails the rollout
        }
        return next;
    }

    /** An event at the rollout's weight, now. */
    RolloutEvent event(RolloutState s, int step, Kind kind, String message) {
        return new RolloutEvent(ctx.clock().now(), step, kind, message, s.weight(), null, null);
    }

    /** The promotion commit this rollout made, if it made one. */
    static Optional<String> promotionCommit(RolloutState s) {
        for (int i = s.events().size() - 1; i >= 0; i--) {
            if (s.events().get(i).kind() == Kind.COMMITTED) {
                return Optional.of(s.events().get(i).commitId());
            }
        }
        return Optional.empty();
    }

    /**
     * The revision a promotion is verified at: the newest commit since it, which is the canary's weight reset
     * when the router committed one (GitOps), else the promotion commit itself.
     */
    static Optional<String> verifiedRevision(RolloutState s) {
        for (int i = s.events().size() - 1; i >= 0; i--) {
            RolloutEvent e = s.events().get(i);
            if (e.kind() == Kind.COMMITTED) {
                return Optional.of(e.commitId());
            }
            if (e.kind() == Kind.WEIGHT && e.stepIndex() < 0 && e.commitId() != null) {
                return Optional.of(e.commitId());
            }
        }
        return Optional.empty();
    }

    static Judgement lastJudgement(RolloutState s) {
        List<RolloutEvent> events = s.events();
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i).judgement() != null) {
                return events.get(i).judgement();
            }
        }
        return null;
    }

    static boolean isAborted(RolloutState s) {
        return s.events().stream().anyMatch(e -> e.kind() == Kind.ABORT_REQUESTED);
    }

    static String shortId(String id) {
        return id == null ? "?" : id.substring(0, Math.min(8, id.length()));
    }
}
