package io.devopssim.multicloud;

import io.devopssim.core.gitops.CommitTrailers;
import io.devopssim.core.gitops.PromotionException;
import io.devopssim.core.gitops.PromotionRequest;
import io.devopssim.core.gitops.PromotionResult;
import io.devopssim.core.gitops.RevertRequest;
import io.devopssim.core.spec.Durations;
import io.devopssim.core.state.RolloutEvent;
import io.devopssim.core.state.RolloutPhase;
import io.devopssim.core.state.RolloutState;
import io.devopssim.deploy.RolloutEngine;
import io.devopssim.deploy.RolloutException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * <p>A wave: look at its clusters' health, size them from the load forecast, start their rollouts, advance them
 * (each judged by the wave's gate), and once every cluster still in the wave is promoted, soak: the next wave
 * starts only when the wave passed. A cluster that turns unhealthy meets the plan's {@link FailoverPolicy}. A
 * wave that fails (a gate said no, a cluster failed over with {@code abort}, nothing could be sized) rolls back
 * every cluster it touched: running rollouts are aborted (their engines roll back), promotions and sizing
 * commits are reverted by commit, newest first. Earlier waves keep the release.
 */
public final class WaveEngine {
    static final String STEP_REPLICAS = "replicas";
    static final String STEP_FAILOVER = "failover";
    static final String STEP_REVERT_PROMOTION = "revert-promotion";
    static final String STEP_REVERT_REPLICAS = "revert-replicas";

    private final WaveContext ctx;
    private final WavePlan plan;
    /** Rollout engines opened (and resumed) by this engine instance, by cluster. */
    private final Map<String, RolloutEngine> rollouts = new HashMap<>();

    public WaveEngine(WaveContext ctx) {
        this.ctx = ctx;
        this.plan = ctx.plan();
    }

    /**
     * Starts the plan, or returns its saved state (a resume). Checks, before any side effect, that every cluster
     * of the plan is in the registry and, for failover by shift, that every cluster's weight can be read.
     */
    public WaveRunState start() throws RolloutException {
        Optional<WaveRunState> saved = load();
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
        Instant now = now();
        WaveRunState s = new WaveRunState(ctx.planId(), digest(plan), PlanPhase.RUNNING, 0, WaveStage.STARTING, clusters,
                now, now, null, now, 0, false, null, List.of());
        String waves = plan.waves().stream().map(w -> w.name() + " " + w.clusters()).collect(Collectors.joining(", then "));
        return record(s, event(-1, null, WaveEvent.Kind.STARTED, "rolling out " + plan.app() + " " + plan.image().tag()
                + " to " + plan.clusters().size() + " clusters in " + plan.waves().size() + " waves: " + waves
                + "; failover policy " + plan.failover().yamlName()), waveStarted(s, 0));
    }

    /** Runs every transition that is due now; returns the state to wait on (or the final state). */
    public WaveRunState advance() throws RolloutException {
        WaveRunState s = load().orElseThrow(() -> new RolloutException("plan " + ctx.planId() + " was never started"));
        while (!s.phase().isTerminal()) {
            if (s.waitUntil() != null && now().isBefore(s.waitUntil())) {
                return s; // a rollout's pause or window, a soak, the next health check or a retry delay is running
            }
            Step step = s.phase() == PlanPhase.ROLLING_BACK ? rollBack(s) : run(s);
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

    /** Asks for the running wave to be rolled back; the rollback happens on the next {@link #advance()}. */
    public WaveRunState abort(String reason) throws RolloutException {
        WaveRunState s = load().orElseThrow(() -> new RolloutException("plan " + ctx.planId() + " was never started"));
        if (s.phase().isTerminal() || s.phase() == PlanPhase.ROLLING_BACK) {
            return s;
        }
        return record(s.abortRequested("aborted: " + reason), event(s.wave(), null, WaveEvent.Kind.ABORT_REQUESTED,
                "abort requested: " + reason + "; rolling back wave " + waveName(s.wave())));
    }

    // ---- RUNNING: health, failover, the wave's stage ----

    private Step run(WaveRunState s) throws RolloutException {
        Step health = healthCheck(s);
        if (health.state() != null) {
            return health;
        }
        Instant wake = health.wake();
        for (ClusterRun c : s.waveClusters()) {
            if (c.status() == ClusterStatus.FAILING_OVER) {
                return failOver(s, c);
            }
        }
        for (ClusterRun c : s.waveClusters()) {
            if (c.status() == ClusterStatus.SKIPPING) {
                Step wound = windDown(s, c, ClusterStatus.SKIPPED, "cluster " + c.cluster() + " is unhealthy: " + c.note());
                if (wound.state() != null) {
                    return wound;
                }
                wake = earliest(wake, wound.wake());
            }
        }
        Step stage = switch (s.stage()) {
            case STARTING -> startWave(s);
            case ROLLING_OUT -> rollOut(s);
            case SOAKING -> soak(s);
        };
        return stage.state() != null ? stage : Step.waitUntil(earliest(wake, stage.wake()));
    }

    /**
     * Looks at the clusters still in the wave when a look is due; an unhealthy one meets the failover policy. The
     * verdict of a look is logged when it changes.
     */
    private Step healthCheck(WaveRunState s) throws RolloutException {
        Instant now = now();
        if (s.nextHealthCheck() != null && now.isBefore(s.nextHealthCheck())) {
            return Step.waitUntil(s.nextHealthCheck());
        }
        WaveRunState next = s.healthCheckedUntil(now.plus(plan.healthInterval()));
        List<WaveEvent> events = new ArrayList<>();
        List<ClusterRun> unhealthy = new ArrayList<>();
        for (ClusterRun c : s.waveClusters()) {
            if (c.status() != ClusterStatus.PENDING && !c.status().active()) {
                continue;
            }
            ClusterHealth h = ctx.health().check(cluster(c));
            ClusterRun updated = c.withHealth(h.status().name(), h.message());
            if (!h.status().name().equals(c.health())) {
                events.add(event(c.wave(), c.cluster(), WaveEvent.Kind.HEALTH, c.cluster() + " " + h.status() + ": " + h.message()));
            }
            if (!h.healthy()) {
                unhealthy.add(updated);
            }
            next = next.with(updated);
        }
        if (!unhealthy.isEmpty()) {
            String names = unhealthy.stream().map(ClusterRun::cluster).collect(Collectors.joining(", "));
            switch (plan.failover()) {
                case ABORT -> {
                    String why = "wave " + waveName(s.wave()) + ": " + names + " unhealthy (" + unhealthy.get(0).note()
                            + "); failover policy abort";
                    next = next.withPhase(PlanPhase.ROLLING_BACK, why);
                    events.add(event(s.wave(), null, WaveEvent.Kind.WAVE_FAILED, why + ": rolling back the wave"));
                }
                case SKIP -> {
                    for (ClusterRun c : unhealthy) {
                        next = next.with(c.withStatus(ClusterStatus.SKIPPING));
                        events.add(event(c.wave(), c.cluster(), WaveEvent.Kind.FAILOVER, "skipping " + c.cluster()
                                + " (failover policy skip): its part of the release is rolled back, the wave goes on"));
                    }
                }
                case SHIFT -> {
                    for (ClusterRun c : unhealthy) {
                        next = next.with(c.withStatus(ClusterStatus.FAILING_OVER));
                    }
                }
            }
        }
        if (events.isEmpty() && unhealthy.isEmpty()) {
            // nothing changed: a resumed plan simply looks again, so this look needs no save
            return Step.progress(next);
        }
        return Step.progress(record(next, events.toArray(WaveEvent[]::new)));
    }

    /** Gives an unhealthy cluster's traffic share to the healthy clusters of its wave, in one commit, then skips it. */
    private Step failOver(WaveRunState s, ClusterRun c) throws RolloutException {
        List<String> receivers = s.waveClusters().stream()
                .filter(o -> !o.cluster().equals(c.cluster()))
                .filter(o -> o.status() == ClusterStatus.PENDING || o.status().active())
                .filter(o -> ClusterHealth.Status.HEALTHY.name().equals(o.health()))
                .map(ClusterRun::cluster).toList();
        if (receivers.isEmpty()) {
            String why = "wave " + waveName(s.wave()) + ": cannot shift " + c.cluster()
                    + "'s traffic, no healthy cluster is left in the wave";
            WaveRunState next = s.with(c.withStatus(ClusterStatus.ROLLING_BACK)).withPhase(PlanPhase.ROLLING_BACK, why);
            return Step.progress(record(next, event(s.wave(), c.cluster(), WaveEvent.Kind.WAVE_FAILED, why + ": rolling back the wave")));
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
            String summary = "Fail over " + plan.app() + " from " + c.cluster() + ": its traffic share " + before.get(c.cluster())
                    + " to " + String.join(", ", receivers);
            result = ctx.weights().commit(after, summary, trailers(c, STEP_FAILOVER));
        } catch (PromotionException e) {
            return Step.progress(retryOrFail(s, "traffic shift away from " + c.cluster() + " failed: " + e.getMessage()));
        }
        String moved = receivers.stream().map(r -> r + " " + before.get(r) + " -> " + after.get(r))
                .collect(Collectors.joining(", "));
        WaveRunState next = s.with(c.failedOver(result.commitId()).withStatus(ClusterStatus.SKIPPING)).succeeded();
        return Step.progress(record(next, event(s.wave(), c.cluster(), WaveEvent.Kind.FAILOVER, "shifted " + c.cluster()
                + "'s traffic share " + before.get(c.cluster()) + " -> 0 to " + moved + " in commit " + shortId(result.commitId())
                + (result.alreadyCommitted() ? " (already in history)" : "") + "; skipping " + c.cluster())));
    }

    /** One cluster per transition: size it (when the plan sizes), then start its rollout. */
    private Step startWave(WaveRunState s) throws RolloutException {
        for (ClusterRun c : s.waveClusters()) {
            if (c.status() != ClusterStatus.PENDING) {
                continue;
            }
            if (plan.replicas() != null && c.replicasCommit() == null) {
                return size(s, c);
            }
            RolloutEngine rollout = open(c);
            RolloutState started = rollout.start();
            rollouts.put(c.cluster(), rollout);
            WaveRunState next = s.with(c.started());
            return Step.progress(record(next, event(c.wave(), c.cluster(), WaveEvent.Kind.ROLLOUT_STARTED, "rollout "
                    + c.rolloutId() + " started in " + cluster(c).describe() + " (" + started.phase().name()
                    .toLowerCase(Locale.ROOT) + ")")));
        }
        if (s.waveClusters().stream().anyMatch(c -> c.status().active())) {
            return Step.progress(save(s.inStage(s.wave(), WaveStage.ROLLING_OUT, now()).healthCheckedUntil(s.nextHealthCheck())));
        }
        if (s.waveClusters().stream().anyMatch(c -> c.status() == ClusterStatus.SKIPPING || c.status() == ClusterStatus.FAILING_OVER)) {
            return Step.waitUntil(null); // the skips finish first (their own work items)
        }
        return waveFailed(s, "wave " + waveName(s.wave()) + ": no healthy cluster to roll out to");
    }

    /** Replicas for the forecast peak of the wave's duration, committed to the cluster's manifest. */
    private Step size(WaveRunState s, ClusterRun c) throws RolloutException {
        Cluster cluster = cluster(c);
        Wave wave = plan.waves().get(c.wave());
        LoadForecast forecast;
        try {
            forecast = ctx.forecaster().forecast(cluster, now(), wave.expectedDuration());
        } catch (LoadForecaster.ForecastException e) {
            return waveFailed(s, "wave " + wave.name() + ": cannot size " + c.cluster() + ": " + e.getMessage());
        }
        ReplicaSizing sizing = plan.replicas();
        int replicas = sizing.replicasFor(forecast);
        String peak = String.format(Locale.ROOT, "%.0f req/s", forecast.peakRequestsPerSecond());
        PromotionResult result;
        try {
            result = ctx.promoter().promote(new PromotionRequest(plan.gitops().repoUrl(), plan.gitops().branch(),
                    cluster.fileInEnvironment(plan.gitops().file()), sizing.locator(), Integer.toString(replicas),
                    "Size " + plan.app() + " in " + c.cluster() + " for wave " + wave.name() + ": " + replicas
                            + " replicas for a forecast peak of " + peak, trailers(c, STEP_REPLICAS), ctx.gitCredentials()));
        } catch (PromotionException e) {
            return Step.progress(retryOrFail(s, "sizing commit for " + c.cluster() + " failed: " + e.getMessage()));
        }
        WaveRunState next = s.with(c.sized(replicas, result.commitId())).succeeded();
        return Step.progress(record(next, event(c.wave(), c.cluster(), WaveEvent.Kind.SIZED, c.cluster() + ": "
                + sizing.locator().describe() + " " + (result.previousValue() == null ? "?" : result.previousValue()) + " -> "
                + replicas + " for a forecast peak of " + peak + " (" + forecast.basis() + ") in commit "
                + shortId(result.commitId()) + (result.alreadyCommitted() ? " (already in history)" : ""))));
    }

    /** Advances every running rollout of the wave; the first that ends without a promotion fails the wave. */
    private Step rollOut(WaveRunState s) throws RolloutException {
        Instant wake = null;
        WaveRunState next = s;
        List<WaveEvent> events = new ArrayList<>();
        String failed = null;
        for (ClusterRun c : s.waveClusters()) {
            if (c.status() != ClusterStatus.ROLLING_OUT) {
                continue;
            }
            RolloutState st = rollout(c).advance();
            if (!st.phase().isTerminal()) {
                wake = earliest(wake, st.waitUntil());
                continue;
            }
            if (st.phase() == RolloutPhase.PROMOTED) {
                next = next.with(c.withStatus(ClusterStatus.PROMOTED).promoted(promotionCommit(st)).withNote(lastMessage(st)));
                events.add(event(c.wave(), c.cluster(), WaveEvent.Kind.ROLLOUT_ENDED, c.cluster() + " " + lastMessage(st)));
            } else {
                String outcome = st.phase().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": " + st.outcome();
                next = next.with(c.withStatus(ClusterStatus.NOT_PROMOTED).withNote(outcome));
                events.add(event(c.wave(), c.cluster(), WaveEvent.Kind.ROLLOUT_ENDED, c.cluster() + " " + outcome));
                failed = failed == null ? c.cluster() + " " + outcome : failed;
            }
        }
        if (failed != null) {
            String why = "wave " + waveName(s.wave()) + " failed: " + failed;
            next = next.withPhase(PlanPhase.ROLLING_BACK, why);
            events.add(event(s.wave(), null, WaveEvent.Kind.WAVE_FAILED, why + "; rolling back every cluster of the wave"));
        }
        if (!events.isEmpty()) {
            return Step.progress(record(next, events.toArray(WaveEvent[]::new)));
        }
        boolean settling = s.waveClusters().stream().anyMatch(c -> c.status() == ClusterStatus.ROLLING_OUT
                || c.status() == ClusterStatus.SKIPPING || c.status() == ClusterStatus.FAILING_OVER);
        if (settling) {
            return Step.waitUntil(wake);
        }
        if (s.waveClusters().stream().noneMatch(c -> c.status() == ClusterStatus.PROMOTED)) {
            return waveFailed(s, "wave " + waveName(s.wave()) + ": no cluster of the wave is left to promote");
        }
        Wave wave = plan.waves().get(s.wave());
        Instant now = now();
        WaveRunState soaking = s.inStage(s.wave(), WaveStage.SOAKING, now);
        return Step.progress(record(soaking, event(s.wave(), null, WaveEvent.Kind.HEALTH, "wave " + wave.name()
                + ": promoted in " + names(s, ClusterStatus.PROMOTED) + "; soaking "
                + Durations.format(wave.soak()) + " with health checks every " + Durations.format(plan.healthInterval()))));
    }

    /** The wave passes once its soak is over with every cluster still in it promoted and healthy. */
    private Step soak(WaveRunState s) throws RolloutException {
        Wave wave = plan.waves().get(s.wave());
        if (s.waveClusters().stream().anyMatch(c -> c.status() == ClusterStatus.SKIPPING
                || c.status() == ClusterStatus.FAILING_OVER)) {
            return Step.waitUntil(null);
        }
        if (s.waveClusters().stream().noneMatch(c -> c.status() == ClusterStatus.PROMOTED)) {
            return waveFailed(s, "wave " + wave.name() + ": no cluster stayed healthy through the soak");
        }
        Instant end = s.stageSince().plus(wave.soak());
        Instant now = now();
        if (now.isBefore(end)) {
            return Step.waitUntil(end);
        }
        String skipped = names(s, ClusterStatus.SKIPPED);
        WaveEvent passed = event(s.wave(), null, WaveEvent.Kind.WAVE_PASSED, "wave " + wave.name() + " passed: promoted in "
                + names(s, ClusterStatus.PROMOTED) + (skipped.isEmpty() ? "" : "; skipped " + skipped));
        if (s.wave() + 1 >= plan.waves().size()) {
            List<String> allSkipped = s.clusters().stream().filter(c -> c.status() == ClusterStatus.SKIPPED)
                    .map(ClusterRun::cluster).toList();
            String why = "every wave passed" + (allSkipped.isEmpty() ? "" : "; skipped as unhealthy: " + String.join(", ", allSkipped));
            WaveRunState done = s.withPhase(PlanPhase.SUCCEEDED, why);
            return Step.progress(record(done, passed, event(-1, null, WaveEvent.Kind.SUCCEEDED, plan.app() + " "
                    + plan.image().tag() + " rolled out: " + why)));
        }
        WaveRunState next = s.inStage(s.wave() + 1, WaveStage.STARTING, now);
        return Step.progress(record(next, passed, waveStarted(next, s.wave() + 1)));
    }

    private Step waveFailed(WaveRunState s, String why) throws RolloutException {
        WaveRunState next = s.withPhase(PlanPhase.ROLLING_BACK, why);
        return Step.progress(record(next, event(s.wave(), null, WaveEvent.Kind.WAVE_FAILED, why + "; rolling back the wave")));
    }

    // ---- ROLLING_BACK: every cluster the wave touched ----

    /**
     * Marks every cluster the wave touched for rollback, then winds each down: its rollout aborted (its engine rolls
     * it back) and, once that ended, its promotion and sizing reverted by commit. Clusters being skipped finish as
     * skipped. The plan ends when none is left.
     */
    private Step rollBack(WaveRunState s) throws RolloutException {
        WaveRunState marked = s;
        for (ClusterRun c : s.waveClusters()) {
            boolean touched = c.status().active() || c.status() == ClusterStatus.NOT_PROMOTED
                    || c.status() == ClusterStatus.FAILING_OVER
                    || (c.status() == ClusterStatus.PENDING && c.replicasCommit() != null);
            if (touched) {
                marked = marked.with(c.withStatus(ClusterStatus.ROLLING_BACK));
            }
        }
        if (marked != s) {
            return Step.progress(save(marked));
        }
        Instant wake = null;
        for (ClusterRun c : s.waveClusters()) {
            if (c.status() != ClusterStatus.ROLLING_BACK && c.status() != ClusterStatus.SKIPPING) {
                continue;
            }
            ClusterStatus end = c.status() == ClusterStatus.SKIPPING ? ClusterStatus.SKIPPED : ClusterStatus.ROLLED_BACK;
            Step wound = windDown(s, c, end, s.outcome());
            if (wound.state() != null) {
                return wound;
            }
            wake = earliest(wake, wound.wake());
        }
        if (s.waveClusters().stream().anyMatch(c -> c.status() == ClusterStatus.ROLLING_BACK || c.status() == ClusterStatus.SKIPPING)) {
            return Step.waitUntil(wake);
        }
        PlanPhase end = s.aborted() ? PlanPhase.ABORTED : PlanPhase.ROLLED_BACK;
        String rolledBack = names(s, ClusterStatus.ROLLED_BACK);
        String earlier = s.clusters().stream().filter(c -> c.wave() < s.wave() && c.status() == ClusterStatus.PROMOTED)
                .map(ClusterRun::cluster).collect(Collectors.joining(", "));
        String message = (end == PlanPhase.ABORTED ? "aborted" : "rolled back") + ": wave " + waveName(s.wave())
                + (rolledBack.isEmpty() ? " had touched no cluster" : " rolled back in " + rolledBack)
                + (earlier.isEmpty() ? "" : "; earlier waves keep the release in " + earlier) + "; because " + s.outcome();
        return Step.progress(record(s.withPhase(end, s.outcome()), event(s.wave(), null, WaveEvent.Kind.ROLLED_BACK, message)));
    }

    /**
     * Takes a cluster out of the release: its rollout (if it started) aborted and run to its end, then its
     * promotion and its sizing reverted by commit, one per transition; then {@code end}.
     */
    private Step windDown(WaveRunState s, ClusterRun c, ClusterStatus end, String reason) throws RolloutException {
        if (c.rolloutStarted()) {
            RolloutEngine rollout = rollout(c);
            RolloutState st = rollout.advance();
            if (!st.phase().isTerminal()) {
                if (st.phase() != RolloutPhase.ROLLING_BACK) {
                    rollout.abort(reason == null ? "wave rollback" : reason);
                }
                st = rollout.advance();
            }
            if (!st.phase().isTerminal()) {
                return Step.waitUntil(st.waitUntil());
            }
            if (st.phase() == RolloutPhase.PROMOTED && c.promotionCommit() == null) {
                // promoted in the meantime (its last transition ran before the wave saw it): revert that too
                return Step.progress(save(s.with(c.promoted(promotionCommit(st)))));
            }
        }
        List<String> todo = c.commitsToRevert();
        if (c.reverts().size() < todo.size()) {
            String commit = todo.get(c.reverts().size());
            boolean promotion = commit.equals(c.promotionCommit()) && c.reverts().isEmpty();
            String step = promotion ? STEP_REVERT_PROMOTION : STEP_REVERT_REPLICAS;
            PromotionResult result;
            try {
                result = ctx.promoter().revert(new RevertRequest(plan.gitops().repoUrl(), plan.gitops().branch(), commit,
                        "Revert " + (promotion ? "promotion" : "sizing") + " of " + plan.app() + " " + plan.image().tag()
                                + " in " + c.cluster() + ": " + reason, trailers(c, step), ctx.gitCredentials()));
            } catch (PromotionException e) {
                return Step.progress(retryOrFail(s, "revert of " + (promotion ? "the promotion" : "the sizing") + " in "
                        + c.cluster() + " failed: " + e.getMessage()));
            }
            WaveRunState next = s.with(c.reverted(result.commitId())).succeeded();
            return Step.progress(record(next, event(c.wave(), c.cluster(), WaveEvent.Kind.REVERTED, c.cluster() + ": reverted "
                    + (promotion ? "promotion" : "sizing") + " commit " + shortId(commit) + " in commit "
                    + shortId(result.commitId()) + (result.alreadyCommitted() ? " (already in history)" : ""))));
        }
        WaveRunState next = s.with(c.withStatus(end));
        WaveEvent.Kind kind = end == ClusterStatus.SKIPPED ? WaveEvent.Kind.SKIPPED : WaveEvent.Kind.ROLLED_BACK;
        return Step.progress(record(next, event(c.wave(), c.cluster(), kind, c.cluster() + " "
                + end.name().toLowerCase(Locale.ROOT).replace('_', ' ') + (c.reverts().isEmpty() ? "" : " (reverted in "
                + c.reverts().stream().map(WaveEngine::shortId).collect(Collectors.joining(", ")) + ")"))));
    }

    /**
     * A commit that failed is retried later; after the last attempt a running wave fails (and rolls back), and a
     * rollback that cannot be made fails the plan with the reason, leaving the reverts made so far in place.
     */
    private WaveRunState retryOrFail(WaveRunState s, String why) throws RolloutException {
        if (s.attempts() + 1 < ctx.retry().attempts()) {
            WaveRunState next = s.retryAt(now().plus(ctx.retry().delayBefore(s.attempts())));
            return record(next, event(s.wave(), null, WaveEvent.Kind.RETRY, why + "; attempt " + (s.attempts() + 2) + " of "
                    + ctx.retry().attempts() + " at " + next.waitUntil()));
        }
        if (s.phase() == PlanPhase.RUNNING) {
            WaveRunState next = s.withPhase(PlanPhase.ROLLING_BACK, why);
            return record(next, event(s.wave(), null, WaveEvent.Kind.WAVE_FAILED, why + "; rolling back the wave"));
        }
        WaveRunState next = s.withPhase(PlanPhase.FAILED, (s.outcome() == null ? "" : s.outcome() + "; then ") + why);
        return record(next, event(s.wave(), null, WaveEvent.Kind.FAILED, "failed: " + why));
    }

    // ---- helpers ----

    private WaveEvent waveStarted(WaveRunState s, int w) {
        Wave wave = plan.waves().get(w);
        return event(w, null, WaveEvent.Kind.WAVE_STARTED, "wave " + (w + 1) + "/" + plan.waves().size() + " " + wave.name()
                + ": " + String.join(", ", wave.clusters()) + " (" + wave.strategy().yamlName() + ", "
                + wave.steps().size() + " steps, soak " + Durations.format(wave.soak()) + ")");
    }

    private RolloutEngine rollout(ClusterRun c) throws RolloutException {
        RolloutEngine rollout = rollouts.get(c.cluster());
        if (rollout == null) {
            rollout = open(c);
            rollout.start(); // a resume: loads its state and puts its traffic router back where it was
            rollouts.put(c.cluster(), rollout);
        }
        return rollout;
    }

    private RolloutEngine open(ClusterRun c) throws RolloutException {
        Wave wave = plan.waves().get(c.wave());
        Cluster cluster = cluster(c);
        return ctx.rollouts().open(cluster, c.rolloutId(), plan.rolloutFor(wave, cluster, c.replicas()),
                (state, e) -> ctx.listener().onClusterEvent(wave.name(), c.cluster(), e));
    }

    private Cluster cluster(ClusterRun c) throws RolloutException {
        return ctx.registry().find(c.cluster()).orElseThrow(() ->
                new RolloutException("cluster " + c.cluster() + " is no longer in the cluster registry"));
    }

    private String rolloutId(Wave wave, String cluster) {
        return ctx.planId() + "." + wave.name() + "." + cluster;
    }

    private CommitTrailers trailers(ClusterRun c, String step) {
        return new CommitTrailers(ctx.planId(), plan.waves().get(c.wave()).name() + "-" + c.cluster() + "-" + step, null, null);
    }

    private String waveName(int w) {
        return w >= 0 && w < plan.waves().size() ? plan.waves().get(w).name() : "?";
    }

    private static String names(WaveRunState s, ClusterStatus status) {
        return s.waveClusters().stream().filter(c -> c.status() == status).map(ClusterRun::cluster)
                .collect(Collectors.joining(", "));
    }

    private static String promotionCommit(RolloutState st) {
        for (int i = st.events().size() - 1; i >= 0; i--) {
            RolloutEvent e = st.events().get(i);
            if (e.kind() == RolloutEvent.Kind.PROMOTED) {
                return e.commitId();
            }
        }
        return null;
    }

    private static String lastMessage(RolloutState st) {
        return st.events().isEmpty() ? st.phase().name() : st.events().get(st.events().size() - 1).message();
    }

    private static Instant earliest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }

    private Instant now() {
        return ctx.clock().now();
    }

    private WaveEvent event(int wave, String cluster, WaveEvent.Kind kind, String message) {
        return new WaveEvent(now(), wave, cluster, kind, message);
    }

    private WaveRunState record(WaveRunState s, WaveEvent... events) throws RolloutException {
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

    private WaveRunState save(WaveRunState s) throws RolloutException {
        try {
            ctx.store().save(s);
            return s;
        } catch (IOException e) {
            throw new RolloutException("cannot save the state of plan " + s.planId() + ": " + e.getMessage(), e);
        }
    }

    private Optional<WaveRunState> load() throws RolloutException {
        try {
            return ctx.store().load(ctx.planId());
        } catch (IOException e) {
            throw new RolloutException("cannot read the state of plan " + ctx.planId() + ": " + e.getMessage(), e);
        }
    }

    static String shortId(String id) {
        return id == null ? "?" : id.substring(0, Math.min(8, id.length()));
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

    /** What one transition did: a new (saved) state, or nothing until {@code wake}. */
    private record Step(WaveRunState state, Instant wake) {
        static Step progress(WaveRunState state) {
            return new Step(state, null);
        }

        static Step waitUntil(Instant wake) {
            return new Step(null, wake);
        }
    }
}
