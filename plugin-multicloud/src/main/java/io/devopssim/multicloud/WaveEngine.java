package io.devopssim.multicloud;

import io.devopssim.core.gitops.PromotionException;
import io.devopssim.deploy.RolloutException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A wave plan as a resumable state machine, over the rollout engines of its clusters. {@link #advance()} runs
 * every transition due now and returns the state to wait on; it never sleeps. A transition does at most one
 * commit (sizing a cluster, shifting a cluster's traffic, one revert) or starts one cluster's rollout, and the
 * plan's state is saved after each; every side effect is safe to repeat (commits are found again by their
 * trailers, a cluster's rollout resumes from its own saved state), so a plan stopped at any point and resumed
 * ends as an uninterrupted one.
 *
 * <p>A wave: look at its clusters' health ({@link WaveHealthWatch}), size them from the load forecast
 * ({@link ReplicaSizer}), start their rollouts, advance them and soak ({@link WaveStages}). A cluster that turns
 * unhealthy meets the plan's {@link FailoverPolicy} ({@link TrafficFailover} for shift). A wave that fails rolls
 * back every cluster it touched ({@link WaveRollback}). Earlier waves keep the release.
 */
public final class WaveEngine {
    private final WaveContext ctx;
    private final WavePlan plan;
    private final WaveTimeline timeline;
    private final WaveHealthWatch health;
    private final TrafficFailover failover;
    private final WaveStages stages;
    private final WaveRollback rollback;
    private final ReplicaSizer sizer;

    public WaveEngine(WaveContext ctx) {
        this.ctx = ctx;
        this.plan = ctx.plan();
        this.timeline = new WaveTimeline(ctx);
        ClusterRolloutHandles rollouts = new ClusterRolloutHandles(ctx);
        WaveFailures failures = new WaveFailures(ctx, timeline);
        this.health = new WaveHealthWatch(ctx, timeline, rollouts);
        this.failover = new TrafficFailover(ctx, timeline, failures);
        this.sizer = new ReplicaSizer(ctx, timeline, failures, rollouts);
        this.stages = new WaveStages(ctx, timeline, failures, rollouts, sizer);
        this.rollback = new WaveRollback(ctx, timeline, failures, rollouts);
    }

    /**
     * Starts the plan, or returns its saved state (a resume). Checks, before any side effect, that every cluster
     * of the plan is in the registry and, for failover by shift, that every cluster's weight can be read.
     */
    public WaveRunState start() throws RolloutException {
        Optional<WaveRunState> saved = timeline.load();
        if (saved.isPresent()) {
            if (!digest(plan).equals(saved.get().planDigest())) {
                throw new RolloutException("plan " + ctx.planId() + " was started with a different plan; use a new id to run this one");
            }
            return saved.get();
        }
        List<String> missing = plan.clusters().stream().filter(c -> ctx.registry().find(c).isEmpty()).toList();
        if (!missing.isEmpty()) {
            throw new RolloutException("cannot start: not in the cluster registry: " + String.join(", ", missing));
        }
        List<String> refused = new ArrayList<>();
        for (int w = 0; w < plan.waves().size(); w++) {
            Wave wave = plan.waves().get(w);
            for (String c : wave.clusters()) {
                Cluster cluster = ctx.registry().find(c).orElseThrow();
                try {
                    ctx.rollouts().check(cluster, "waves[" + w + "]", plan.rolloutFor(wave, cluster, null));
                } catch (RolloutException e) {
                    refused.add(e.getMessage());
                }
            }
        }
        if (!refused.isEmpty()) {
            throw new RolloutException("cannot start: " + String.join("\n", refused));
        }
        if (plan.failover() == FailoverPolicy.SHIFT) {
            try {
                ctx.weights().read(plan.clusters());
            } catch (PromotionException e) {
                throw new RolloutException("cannot start: the traffic weights cannot be read: " + e.getMessage(), e);
            }
        }
        List<ClusterRun> clusters = new ArrayList<>();
        for (int w = 0; w < plan.waves().size(); w++) {
            Wave wave = plan.waves().get(w);
            for (String c : wave.clusters()) {
                clusters.add(ClusterRun.pending(w, wave.name(), ctx.registry().find(c).orElseThrow(), rolloutId(wave, c)));
            }
        }
        Instant now = timeline.now();
        WaveRunState s = new WaveRunState(ctx.planId(), digest(plan), PlanPhase.RUNNING, 0, WaveStage.STARTING, clusters,
                now, now, null, now, 0, false, null, List.of(), null);
        String waves = plan.waves().stream().map(w -> w.name() + " " + w.clusters()).collect(Collectors.joining(", then "));
        return timeline.record(s, timeline.event(-1, null, WaveEvent.Kind.STARTED, "rolling out " + plan.app() + " "
                + plan.image().tag() + " to " + plan.clusters().size() + " clusters in " + plan.waves().size() + " waves: "
                + waves + "; failover policy " + plan.failover().yamlName()), stages.waveStarted(0));
    }

    /** Runs every transition that is due now; returns the state to wait on (or the final state). */
    public WaveRunState advance() throws RolloutException {
        WaveRunState s = timeline.loadStarted();
        while (!s.phase().isTerminal()) {
            if (s.phase() == PlanPhase.PAUSED) {
                return s; // until a person approves the wave or aborts the plan
            }
            if (s.waitUntil() != null && timeline.now().isBefore(s.waitUntil())) {
                return s; // a rollout's pause or window, a soak, the next health check or a retry delay is running
            }
            WaveStep step = s.phase() == PlanPhase.ROLLING_BACK ? rollback.rollBack(s) : run(s);
            if (step.state() != null) {
                s = step.state();
            } else {
                if (step.wake() == null) {
                    throw new IllegalStateException("plan " + ctx.planId() + " has nothing to do and nothing to wait for in "
                            + s.phase() + "/" + s.stage());
                }
                // only a wait: nothing happened that a resume would need (it recomputes what to wait for)
                s = s.waitingUntil(step.wake());
            }
        }
        return s;
    }

    /**
     * Approves the paused wave: every one of its rollouts paused until approved goes on (one approval per wave and
     * pause). Approving a cluster's rollout twice is harmless, so an approval interrupted half-way is given again.
     */
    public WaveRunState approve(String who) throws RolloutException {
        WaveRunState s = timeline.loadStarted();
        if (s.phase() != PlanPhase.PAUSED) {
            throw new RolloutException("plan " + ctx.planId() + " is not waiting for approval (it is "
                    + s.phase().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")");
        }
        List<String> approved = new ArrayList<>();
        for (ClusterRun c : s.waveClusters()) {
            if (c.status() == ClusterStatus.ROLLING_OUT) {
                ctx.rollouts().approve(c.rolloutId(), who, timeline.now());
                approved.add(c.cluster());
            }
        }
        return timeline.record(s.resumed(), timeline.event(s.wave(), null, WaveEvent.Kind.APPROVED, "wave "
                + timeline.waveName(s.wave()) + " approved by " + who + ": " + String.join(", ", approved) + " go on"));
    }

    /** Asks for the running wave to be rolled back; the rollback happens on the next {@link #advance()}. */
    public WaveRunState abort(String reason) throws RolloutException {
        WaveRunState s = timeline.loadStarted();
        if (s.phase().isTerminal() || s.phase() == PlanPhase.ROLLING_BACK) {
            return s;
        }
        return timeline.record(s.abortRequested("aborted: " + reason), timeline.event(s.wave(), null,
                WaveEvent.Kind.ABORT_REQUESTED, "abort requested: " + reason + "; rolling back wave " + timeline.waveName(s.wave())));
    }

    /**
     * RUNNING: health first, then failovers, the resizes of the clusters that took traffic, and skips (each its own
     * work item), then the wave's stage.
     */
    private WaveStep run(WaveRunState s) throws RolloutException {
        WaveStep look = health.look(s);
        if (look.state() != null) {
            return look;
        }
        Instant wake = look.wake();
        for (ClusterRun c : s.waveClusters()) {
            if (c.status() == ClusterStatus.FAILING_OVER) {
                return failover.failOver(s, c);
            }
        }
        for (ClusterRun c : s.waveClusters()) {
            if (sizer.needsResize(c)) {
                return sizer.resize(s, c); // right after the shift that gave it more traffic
            }
        }
        for (ClusterRun c : s.waveClusters()) {
            if (c.status() == ClusterStatus.SKIPPING) {
                WaveStep wound = rollback.windDown(s, c, ClusterStatus.SKIPPED, "cluster " + c.cluster() + " is unhealthy: " + c.note());
                if (wound.state() != null) {
                    return wound;
                }
                wake = WaveStep.earliest(wake, wound.wake());
            }
        }
        WaveStep stage = stages.run(s);
        return stage.state() != null ? stage : WaveStep.waitUntil(WaveStep.earliest(wake, stage.wake()));
    }

    private String rolloutId(Wave wave, String cluster) {
        return ctx.planId() + "." + wave.name() + "." + cluster;
    }

    /** Identifies a plan by content; record toString() covers every component, in order. */
    static String digest(WavePlan plan) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(plan.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
