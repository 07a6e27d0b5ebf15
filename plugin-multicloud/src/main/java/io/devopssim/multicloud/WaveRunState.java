package io.devopssim.multicloud;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a wave plan needs to resume after a restart. Saved after every transition; immutable. The rollouts
 * of its clusters keep their own state (by {@link ClusterRun#rolloutId()}); this holds what the plan adds.
 *
 * @param planId          stable id: the trailers of the plan's own commits carry it
 * @param planDigest      digest of the plan, so a resume with another plan is refused
 * @param phase           where the plan is
 * @param wave            index of the running (or last) wave
 * @param stage           where the running wave is
 * @param clusters        one entry per cluster of the plan, wave by wave
 * @param startedAt       when the plan started
 * @param stageSince      when the wave entered its stage (the soak counts from here)
 * @param waitUntil       nothing to do before this time, or null
 * @param nextHealthCheck when the wave's clusters are looked at next
 * @param attempts        failed attempts at the current commit
 * @param aborted         whether a person stopped the plan
 * @param outcome         why the plan ended as it did (or is rolling back), or null
 * @param events          the timeline, oldest first
 * @param weights         the running wave's traffic weights once a failover of it shifts traffic, else null
 */
public record WaveRunState(String planId, String planDigest, PlanPhase phase, int wave, WaveStage stage,
                           List<ClusterRun> clusters, Instant startedAt, Instant stageSince, Instant waitUntil,
                           Instant nextHealthCheck, int attempts, boolean aborted, String outcome, List<WaveEvent> events,
                           WaveWeights weights) {
    public WaveRunState {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(phase, "phase");
        clusters = List.copyOf(clusters);
        events = List.copyOf(events);
    }

    public Optional<ClusterRun> cluster(String name) {
        return clusters.stream().filter(c -> c.cluster().equals(name)).findFirst();
    }

    /** The clusters of the running wave, in plan order. */
    public List<ClusterRun> waveClusters() {
        return clusters.stream().filter(c -> c.wave() == wave).toList();
    }

    public WaveRunState with(ClusterRun run) {
        List<ClusterRun> next = new ArrayList<>(clusters);
        for (int i = 0; i < next.size(); i++) {
            if (next.get(i).cluster().equals(run.cluster())) {
                next.set(i, run);
            }
        }
        return new WaveRunState(planId, planDigest, phase, wave, stage, next, startedAt, stageSince, waitUntil, nextHealthCheck,
                attempts, aborted, outcome, events, weights);
    }

    public WaveRunState withEvent(WaveEvent e) {
        List<WaveEvent> more = new ArrayList<>(events);
        more.add(e);
        return new WaveRunState(planId, planDigest, phase, wave, stage, clusters, startedAt, stageSince, waitUntil,
                nextHealthCheck, attempts, aborted, outcome, more, weights);
    }

    public WaveRunState withPhase(PlanPhase p, String why) {
        return new WaveRunState(planId, planDigest, p, wave, stage, clusters, startedAt, stageSince, null, nextHealthCheck,
                0, aborted, why, events, weights);
    }

    public WaveRunState inStage(int w, WaveStage s, Instant since) {
        return new WaveRunState(planId, planDigest, phase, w, s, clusters, startedAt, since, null, since, 0, aborted,
                outcome, events, weights);
    }

    public WaveRunState waitingUntil(Instant until) {
        return new WaveRunState(planId, planDigest, phase, wave, stage, clusters, startedAt, stageSince, until,
                nextHealthCheck, attempts, aborted, outcome, events, weights);
    }

    public WaveRunState healthCheckedUntil(Instant next) {
        return new WaveRunState(planId, planDigest, phase, wave, stage, clusters, startedAt, stageSince, waitUntil, next,
                attempts, aborted, outcome, events, weights);
    }

    public WaveRunState retryAt(Instant until) {
        return new WaveRunState(planId, planDigest, phase, wave, stage, clusters, startedAt, stageSince, until,
                nextHealthCheck, attempts + 1, aborted, outcome, events, weights);
    }

    public WaveRunState succeeded() {
        return new WaveRunState(planId, planDigest, phase, wave, stage, clusters, startedAt, stageSince, waitUntil,
                nextHealthCheck, 0, aborted, outcome, events, weights);
    }

    /** The wave waits for approval; the outcome stays as it was (a pause is not an ending). */
    public WaveRunState paused() {
        return new WaveRunState(planId, planDigest, PlanPhase.PAUSED, wave, stage, clusters, startedAt, stageSince, null,
                nextHealthCheck, 0, aborted, outcome, events, weights);
    }

    public WaveRunState resumed() {
        return new WaveRunState(planId, planDigest, PlanPhase.RUNNING, wave, stage, clusters, startedAt, stageSince, null,
                nextHealthCheck, 0, aborted, outcome, events, weights);
    }

    public WaveRunState withWeights(WaveWeights w) {
        return new WaveRunState(planId, planDigest, phase, wave, stage, clusters, startedAt, stageSince, waitUntil,
                nextHealthCheck, attempts, aborted, outcome, events, w);
    }

    /** The running wave's recorded weights, if a failover of this wave recorded them. */
    public Optional<WaveWeights> waveWeights() {
        return weights != null && weights.wave() == wave ? Optional.of(weights) : Optional.empty();
    }

    public WaveRunState abortRequested(String why) {
        return new WaveRunState(planId, planDigest, PlanPhase.ROLLING_BACK, wave, stage, clusters, startedAt, stageSince, null,
                nextHealthCheck, 0, true, why, events, weights);
    }
}
