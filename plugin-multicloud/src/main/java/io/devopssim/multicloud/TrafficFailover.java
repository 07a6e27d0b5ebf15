package io.devopssim.multicloud;

import io.devopssim.core.gitops.PromotionException;
import io.devopssim.core.gitops.PromotionResult;
import io.devopssim.deploy.RolloutException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Failover by shift: an unhealthy cluster's traffic share goes to the healthy clusters of its wave, in one commit of
 * weights. The weights the wave started with are saved first ({@link WaveWeights}); each receiver notes the part of the
 * drained cluster's load it now carries ({@link TakenTraffic}), and {@link ReplicaSizer} resizes it for that next.
 */
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
        Optional<WaveWeights> recorded = s.waveWeights();
        if (recorded.isEmpty()) {
            // the wave's first shift: its weights are saved before any is changed, so a rollback can restore them and
            // a shift resumed after its commit computes the same weights again (it finds that commit by its trailers)
            List<String> wave = s.waveClusters().stream().map(ClusterRun::cluster).toList();
            Map<String, Integer> before;
            try {
                before = ctx.weights().read(wave);
            } catch (PromotionException e) {
                return WaveStep.progress(failures.retryOrFail(s, "cannot read the traffic weights to shift " + c.cluster()
                        + "'s share: " + e.getMessage()));
            }
            return WaveStep.progress(timeline.save(s.withWeights(new WaveWeights(s.wave(), before, before, null)).succeeded()));
        }
        WaveWeights weights = recorded.get();
        Map<String, Integer> before = new LinkedHashMap<>();
        before.put(c.cluster(), weights.current().get(c.cluster()));
        receivers.forEach(r -> before.put(r, weights.current().get(r)));
        Map<String, Integer> after = WeightShift.shift(before, c.cluster(), receivers);
        PromotionResult result;
        try {
            String summary = "Fail over " + ctx.plan().app() + " from " + c.cluster() + ": its traffic share "
                    + before.get(c.cluster()) + " to " + String.join(", ", receivers);
            result = ctx.weights().commit(after, summary, timeline.trailers(c, STEP_FAILOVER));
        } catch (PromotionException e) {
            return WaveStep.progress(failures.retryOrFail(s, "traffic shift away from " + c.cluster() + " failed: "
                    + e.getMessage()));
        }
        WaveRunState next = s.with(c.failedOver(result.commitId()).withStatus(ClusterStatus.SKIPPING))
                .withWeights(weights.shifted(after)).succeeded();
        int share = before.get(c.cluster());
        for (String r : receivers) {
            int gained = after.get(r) - before.get(r);
            if (gained > 0) {
                // the receiver now carries this part of the drained cluster's load: it is resized for it next
                ClusterRun run = next.cluster(r).orElseThrow();
                next = next.with(run.withTaken(run.taken().taking(new TakenTraffic.Share(c.cluster(), (double) gained / share))));
            }
        }
        String moved = receivers.stream().map(r -> r + " " + before.get(r) + " -> " + after.get(r))
                .collect(Collectors.joining(", "));
        return WaveStep.progress(timeline.record(next, timeline.event(s.wave(), c.cluster(), WaveEvent.Kind.FAILOVER,
                "shifted " + c.cluster() + "'s traffic share " + share + " -> 0 to " + moved
                        + " in commit " + WaveTimeline.shortId(result.commitId())
                        + (result.alreadyCommitted() ? " (already in history)" : "") + "; skipping " + c.cluster())));
    }
}
