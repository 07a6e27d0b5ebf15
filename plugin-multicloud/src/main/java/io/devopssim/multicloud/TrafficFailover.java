package io.devopssim.multicloud;

import io.devopssim.core.gitops.PromotionException;
import io.devopssim.core.gitops.PromotionResult;
import io.devopssim.deploy.RolloutException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Failover by shift: an unhealthy cluster's traffic share goes to the healthy clusters of its wave, in one commit. */
final class TrafficFailover {
    static final String STEP_FAILOVER = "failover";

    private final WaveContext ctx;
    private final WaveTimeline timeline;
    private final WaveFailures failures;

    TrafficFailover(WaveContext ctx, WaveTimeline timeline, WaveFailures failures) {
        this.ctx = ctx;
        this.timeline = timeline;
        this.failures = failures;
    }

    /** Shifts {@code c}'s share to the wave's healthy clusters, then the cluster is skipped. */
    WaveStep failOver(WaveRunState s, ClusterRun c) throws RolloutException {
        List<String> receivers = s.waveClusters().stream()
                .filter(o -> !o.cluster().equals(c.cluster()))
                .filter(o -> o.status() == ClusterStatus.PENDING || o.status().active())
                .filter(o -> ClusterHealth.Status.HEALTHY.name().equals(o.health()))
                .map(ClusterRun::cluster).toList();
        if (receivers.isEmpty()) {
            String why = "wave " + timeline.waveName(s.wave()) + ": cannot shift " + c.cluster()
                    + "'s traffic, no healthy cluster is left in the wave";
            WaveRunState next = s.with(c.withStatus(ClusterStatus.ROLLING_BACK)).withPhase(PlanPhase.ROLLING_BACK, why);
            return WaveStep.progress(timeline.record(next, timeline.event(s.wave(), c.cluster(), WaveEvent.Kind.WAVE_FAILED,
                    why + ": rolling back the wave")));
        }
        List<String> involved = new ArrayList<>();
        involved.add(c.cluster());
        involved.addAll(receivers);
        PromotionResult result;
        Map<String, Integer> before;
        Map<String, Integer> after;
        try {
            before = ctx.weights().read(involved);
            after = WeightShift.shift(before, c.cluster(), receivers);
            String summary = "Fail over " + ctx.plan().app() + " from " + c.cluster() + ": its traffic share "
                    + before.get(c.cluster()) + " to " + String.join(", ", receivers);
            result = ctx.weights().commit(after, summary, timeline.trailers(c, STEP_FAILOVER));
        } catch (PromotionException e) {
            return WaveStep.progress(failures.retryOrFail(s, "traffic shift away from " + c.cluster() + " failed: "
                    + e.getMessage()));
        }
        String moved = receivers.stream().map(r -> r + " " + before.get(r) + " -> " + after.get(r))
                .collect(Collectors.joining(", "));
        WaveRunState next = s.with(c.failedOver(result.commitId()).withStatus(ClusterStatus.SKIPPING)).succeeded();
        return WaveStep.progress(timeline.record(next, timeline.event(s.wave(), c.cluster(), WaveEvent.Kind.FAILOVER,
                "shifted " + c.cluster() + "'s traffic share " + before.get(c.cluster()) + " -> 0 to " + moved
                        + " in commit " + WaveTimeline.shortId(result.commitId())
                        + (result.alreadyCommitted() ? " (already in history)" : "") + "; skipping " + c.cluster())));
    }
}
