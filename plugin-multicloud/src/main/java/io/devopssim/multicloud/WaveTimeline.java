package io.devopssim.multicloud;

import io.devopssim.core.gitops.CommitTrailers;
import io.devopssim.deploy.RolloutException;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A plan's saved state and its timeline: every transition that did something is saved with its events, then the
 * listener hears of them. Also the wording the plan's parts share (wave names, commit trailers, short ids).
 */
final class WaveTimeline {
    private final WaveContext ctx;

    WaveTimeline(WaveContext ctx) {
        this.ctx = ctx;
    }

    Instant now() {
        return ctx.clock().now();
    }

    WaveEvent event(int wave, String cluster, WaveEvent.Kind kind, String message) {
        return new WaveEvent(now(), wave, cluster, kind, message);
    }

    WaveRunState record(WaveRunState s, WaveEvent... events) throws RolloutException {
        WaveRunState next = s;
        for (WaveEvent e : events) {
            next = next.withEvent(e);
        }
        next = save(next);
        for (WaveEvent e : events) {
            ctx.listener().onWaveEvent(next, e);
        }
        return next;
    }

    WaveRunState save(WaveRunState s) throws RolloutException {
        try {
            ctx.store().save(s);
            return s;
        } catch (IOException e) {
            throw new RolloutException("cannot save the state of plan " + s.planId() + ": " + e.getMessage(), e);
        }
    }

    Optional<WaveRunState> load() throws RolloutException {
        try {
            return ctx.store().load(ctx.planId());
        } catch (IOException e) {
            throw new RolloutException("cannot read the state of plan " + ctx.planId() + ": " + e.getMessage(), e);
        }
    }

    WaveRunState loadStarted() throws RolloutException {
        return load().orElseThrow(() -> new RolloutException("plan " + ctx.planId() + " was never started"));
    }

    /** The trailers of one of the plan's own commits: found again by them after a restart. */
    CommitTrailers trailers(ClusterRun c, String step) {
        return new CommitTrailers(ctx.planId(), ctx.plan().waves().get(c.wave()).name() + "-" + c.cluster() + "-" + step,
                null, null);
    }

    /** The trailers of a commit of the wave as a whole (its weights restored). */
    CommitTrailers waveTrailers(int wave, String step) {
        return new CommitTrailers(ctx.planId(), waveName(wave) + "-" + step, null, null);
    }

    String waveName(int w) {
        return w >= 0 && w < ctx.plan().waves().size() ? ctx.plan().waves().get(w).name() : "?";
    }

    static String names(WaveRunState s, ClusterStatus status) {
        return s.waveClusters().stream().filter(c -> c.status() == status).map(ClusterRun::cluster)
                .collect(Collectors.joining(", "));
    }

    static String shortId(String id) {
        return id == null ? "?" : id.substring(0, Math.min(8, id.length()));
    }
}
