package io.devopssim.multicloud;

import io.devopssim.core.spec.Durations;
import io.devopssim.core.state.RolloutPhase;
import io.devopssim.core.state.RolloutState;
import io.devopssim.deploy.RolloutException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A running wave's progress: starting its clusters (sized first), rolling them out, soaking, then the next wave. */
final class WaveStages {
    private final WaveContext ctx;
    private final WaveTimeline timeline;
    private final WaveFailures failures;
    private final ClusterRolloutHandles rollouts;
    private final ReplicaSizer sizer;

    WaveStages(WaveContext ctx, WaveTimeline timeline, WaveFailures failures, ClusterRolloutHandles rollouts,
               ReplicaSizer sizer) {
        this.ctx = ctx;
        this.timeline = timeline;
        this.failures = failures;
        this.rollouts = rollouts;
        this.sizer = sizer;
    }

    WaveStep run(WaveRunState s) throws RolloutException {
        return switch (s.stage()) {
            case STARTING -> startWave(s);
            case ROLLING_OUT -> rollOut(s);
            case SOAKING -> soak(s);
        };
    }

    /** One cluster per transition: size it (when the plan sizes), then start its rollout. */
    private WaveStep startWave(WaveRunState s) throws RolloutException {
        for (ClusterRun c : s.waveClusters()) {
            if (c.status() != ClusterStatus.PENDING) {
                continue;
            }
            if (ctx.plan().replicas() != null && c.replicasCommit() == null) {
                return sizer.size(s, c);
            }
            RolloutState started = rollouts.start(c);
            WaveRunState next = s.with(c.started());
            return WaveStep.progress(timeline.record(next, timeline.event(c.wave(), c.cluster(), WaveEvent.Kind.ROLLOUT_STARTED,
                    "rollout " + c.rolloutId() + " started in " + rollouts.cluster(c).describe() + " ("
                            + started.phase().name().toLowerCase(Locale.ROOT) + ")")));
        }
        if (s.waveClusters().stream().anyMatch(c -> c.status().active())) {
            return WaveStep.progress(timeline.save(s.inStage(s.wave(), WaveStage.ROLLING_OUT, timeline.now())
                    .healthCheckedUntil(s.nextHealthCheck())));
        }
        if (s.waveClusters().stream().anyMatch(c -> c.status() == ClusterStatus.SKIPPING || c.status() == ClusterStatus.FAILING_OVER)) {
            return WaveStep.waitUntil(null); // the skips finish first (their own work items)
        }
        return failures.waveFailed(s, "wave " + timeline.waveName(s.wave()) + ": no healthy cluster to roll out to");
    }

    /** Advances every running rollout of the wave; the first that ends without a promotion fails the wave. */
    private WaveStep rollOut(WaveRunState s) throws RolloutException {
        Instant wake = null;
        WaveRunState next = s;
        List<WaveEvent> events = new ArrayList<>();
        String failed = null;
        List<String> paused = new ArrayList<>();
        for (ClusterRun c : s.waveClusters()) {
            if (c.status() != ClusterStatus.ROLLING_OUT) {
                continue;
            }
            RolloutState st = rollouts.of(c).advance();
            if (st.phase() == RolloutPhase.PAUSED) {
                paused.add(c.cluster() + " at step " + (st.stepIndex() + 1));
                continue;
            }
            if (!st.phase().isTerminal()) {
                wake = WaveStep.earliest(wake, st.waitUntil());
                continue;
            }
            String last = ClusterRolloutHandles.lastMessage(st);
            if (st.phase() == RolloutPhase.PROMOTED) {
                next = next.with(c.withStatus(ClusterStatus.PROMOTED).promoted(ClusterRolloutHandles.promotionCommit(st))
                        .withNote(last));
                events.add(timeline.event(c.wave(), c.cluster(), WaveEvent.Kind.ROLLOUT_ENDED, c.cluster() + " " + last));
            } else {
                String outcome = st.phase().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": " + st.outcome();
                next = next.with(c.withStatus(ClusterStatus.NOT_PROMOTED).withNote(outcome));
                events.add(timeline.event(c.wave(), c.cluster(), WaveEvent.Kind.ROLLOUT_ENDED, c.cluster() + " " + outcome));
                failed = failed == null ? c.cluster() + " " + outcome : failed;
            }
        }
        if (failed != null) {
            String why = "wave " + timeline.waveName(s.wave()) + " failed: " + failed;
            next = next.withPhase(PlanPhase.ROLLING_BACK, why);
            events.add(timeline.event(s.wave(), null, WaveEvent.Kind.WAVE_FAILED, why + "; rolling back every cluster of the wave"));
        }
        if (!events.isEmpty()) {
            return WaveStep.progress(timeline.record(next, events.toArray(WaveEvent[]::new)));
        }
        long rollingOut = s.waveClusters().stream().filter(c -> c.status() == ClusterStatus.ROLLING_OUT).count();
        boolean settling = rollingOut > paused.size() || s.waveClusters().stream().anyMatch(c ->
                c.status() == ClusterStatus.SKIPPING || c.status() == ClusterStatus.FAILING_OVER);
        if (settling) {
            return WaveStep.waitUntil(wake); // a paused rollout waits for the others: the wave is approved as one
        }
        if (!paused.isEmpty()) {
            return WaveStep.progress(timeline.record(s.paused(), timeline.event(s.wave(), null, WaveEvent.Kind.PAUSED,
                    "wave " + timeline.waveName(s.wave()) + " waits for approval: " + String.join(", ", paused)
                            + " paused until approved; one approval lets them all go on")));
        }
        if (s.waveClusters().stream().noneMatch(c -> c.status() == ClusterStatus.PROMOTED)) {
            return failures.waveFailed(s, "wave " + timeline.waveName(s.wave()) + ": no cluster of the wave is left to promote");
        }
        Wave wave = ctx.plan().waves().get(s.wave());
        WaveRunState soaking = s.inStage(s.wave(), WaveStage.SOAKING, timeline.now());
        return WaveStep.progress(timeline.record(soaking, timeline.event(s.wave(), null, WaveEvent.Kind.HEALTH, "wave "
                + wave.name() + ": promoted in " + WaveTimeline.names(s, ClusterStatus.PROMOTED) + "; soaking "
                + Durations.format(wave.soak()) + " with health checks every " + Durations.format(ctx.plan().healthInterval()))));
    }

    /** The wave passes once its soak is over with every cluster still in it promoted and healthy. */
    private WaveStep soak(WaveRunState s) throws RolloutException {
        WavePlan plan = ctx.plan();
        Wave wave = plan.waves().get(s.wave());
        if (s.waveClusters().stream().anyMatch(c -> c.status() == ClusterStatus.SKIPPING
                || c.status() == ClusterStatus.FAILING_OVER)) {
            return WaveStep.waitUntil(null);
        }
        if (s.waveClusters().stream().noneMatch(c -> c.status() == ClusterStatus.PROMOTED)) {
            return failures.waveFailed(s, "wave " + wave.name() + ": no cluster stayed healthy through the soak");
        }
        Instant end = s.stageSince().plus(wave.soak());
        Instant now = timeline.now();
        if (now.isBefore(end)) {
            return WaveStep.waitUntil(end);
        }
        String skipped = WaveTimeline.names(s, ClusterStatus.SKIPPED);
        WaveEvent passed = timeline.event(s.wave(), null, WaveEvent.Kind.WAVE_PASSED, "wave " + wave.name()
                + " passed: promoted in " + WaveTimeline.names(s, ClusterStatus.PROMOTED)
                + (skipped.isEmpty() ? "" : "; skipped " + skipped));
        if (s.wave() + 1 >= plan.waves().size()) {
            List<String> allSkipped = s.clusters().stream().filter(c -> c.status() == ClusterStatus.SKIPPED)
                    .map(ClusterRun::cluster).toList();
            String why = "every wave passed" + (allSkipped.isEmpty() ? "" : "; skipped as unhealthy: " + String.join(", ", allSkipped));
            WaveRunState done = s.withPhase(PlanPhase.SUCCEEDED, why);
            return WaveStep.progress(timeline.record(done, passed, timeline.event(-1, null, WaveEvent.Kind.SUCCEEDED,
                    plan.app() + " " + plan.image().tag() + " rolled out: " + why)));
        }
        WaveRunState next = s.inStage(s.wave() + 1, WaveStage.STARTING, now);
        return WaveStep.progress(timeline.record(next, passed, waveStarted(s.wave() + 1)));
    }

    WaveEvent waveStarted(int w) {
        WavePlan plan = ctx.plan();
        Wave wave = plan.waves().get(w);
        return timeline.event(w, null, WaveEvent.Kind.WAVE_STARTED, "wave " + (w + 1) + "/" + plan.waves().size() + " "
                + wave.name() + ": " + String.join(", ", wave.clusters()) + " (" + wave.strategy().yamlName() + ", "
                + wave.steps().size() + " steps, soak " + Durations.format(wave.soak()) + ")");
    }
}
