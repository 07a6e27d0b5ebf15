package io.devopssim.multicloud;

import io.devopssim.deploy.RolloutException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Looks at the clusters still in the running wave when a look is due; an unhealthy one meets the plan's failover
 * policy (abort: the wave fails; skip: the cluster is taken out; shift: its traffic goes first). The verdict of a
 * look is logged when it changes.
 */
final class WaveHealthWatch {
    private final WaveContext ctx;
    private final WaveTimeline timeline;
    private final ClusterRolloutHandles rollouts;

    WaveHealthWatch(WaveContext ctx, WaveTimeline timeline, ClusterRolloutHandles rollouts) {
        this.ctx = ctx;
        this.timeline = timeline;
        this.rollouts = rollouts;
    }

    WaveStep look(WaveRunState s) throws RolloutException {
        Instant now = timeline.now();
        if (s.nextHealthCheck() != null && now.isBefore(s.nextHealthCheck())) {
            return WaveStep.waitUntil(s.nextHealthCheck());
        }
        WaveRunState next = s.healthCheckedUntil(now.plus(ctx.plan().healthInterval()));
        List<WaveEvent> events = new ArrayList<>();
        List<ClusterRun> unhealthy = new ArrayList<>();
        for (ClusterRun c : s.waveClusters()) {
            if (c.status() != ClusterStatus.PENDING && !c.status().active()) {
                continue;
            }
            ClusterHealth h = ctx.health().check(rollouts.cluster(c));
            ClusterRun updated = c.withHealth(h.status().name(), h.message());
            if (!h.status().name().equals(c.health())) {
                events.add(timeline.event(c.wave(), c.cluster(), WaveEvent.Kind.HEALTH, c.cluster() + " " + h.status()
                        + ": " + h.message()));
            }
            if (!h.healthy()) {
                unhealthy.add(updated);
            }
            next = next.with(updated);
        }
        if (!unhealthy.isEmpty()) {
            next = meetPolicy(s, next, unhealthy, events);
        }
        if (events.isEmpty() && unhealthy.isEmpty()) {
            // nothing changed: a resumed plan simply looks again, so this look needs no save
            return WaveStep.progress(next);
        }
        return WaveStep.progress(timeline.record(next, events.toArray(WaveEvent[]::new)));
    }

    private WaveRunState meetPolicy(WaveRunState s, WaveRunState next, List<ClusterRun> unhealthy, List<WaveEvent> events) {
        String names = unhealthy.stream().map(ClusterRun::cluster).collect(Collectors.joining(", "));
        switch (ctx.plan().failover()) {
            case ABORT -> {
                String why = "wave " + timeline.waveName(s.wave()) + ": " + names + " unhealthy (" + unhealthy.get(0).note()
                        + "); failover policy abort";
                events.add(timeline.event(s.wave(), null, WaveEvent.Kind.WAVE_FAILED, why + ": rolling back the wave"));
                return next.withPhase(PlanPhase.ROLLING_BACK, why);
            }
            case SKIP -> {
                for (ClusterRun c : unhealthy) {
                    next = next.with(c.withStatus(ClusterStatus.SKIPPING));
                    events.add(timeline.event(c.wave(), c.cluster(), WaveEvent.Kind.FAILOVER, "skipping " + c.cluster()
                            + " (failover policy skip): its part of the release is rolled back, the wave goes on"));
                }
                return next;
            }
            case SHIFT -> {
                for (ClusterRun c : unhealthy) {
                    next = next.with(c.withStatus(ClusterStatus.FAILING_OVER));
                }
                return next;
            }
            default -> throw new IllegalStateException("unknown failover policy " + ctx.plan().failover());
        }
    }
}
