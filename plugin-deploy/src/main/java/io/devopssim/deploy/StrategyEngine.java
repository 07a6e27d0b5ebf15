package io.devopssim.deploy;

import io.devopssim.core.gitops.PromotionException;
import io.devopssim.core.spec.GitOpsSpec;
import io.devopssim.core.spec.RolloutSpec;
import io.devopssim.core.state.RolloutEvent;
import io.devopssim.core.state.RolloutEvent.Kind;
import io.devopssim.core.state.RolloutPhase;
import io.devopssim.core.state.RolloutState;
import io.devopssim.core.traffic.TrafficRoutingException;

import java.util.Optional;

/**
 * What the engine of every strategy shares: start or resume, the loop over phases, abort. A strategy says
 * what it checks before starting, how it progresses, and how it rolls back; the promotion, its verification
 * and its revert are {@link Promotion}'s.
 */
abstract class StrategyEngine implements RolloutEngine {
    protected final RolloutContext ctx;
    protected final RolloutSpec spec;
    protected final Timeline timeline;
    protected final Promotion promotion;

    StrategyEngine(RolloutContext ctx, Promotion.AfterCommit afterCommit, String trafficBack) {
        this.ctx = ctx;
        this.spec = ctx.spec();
        this.timeline = new Timeline(ctx);
        this.promotion = new Promotion(ctx, timeline, afterCommit, trafficBack);
    }

    @Override
    public final RolloutState start() throws RolloutException {
        Optional<RolloutState> saved = timeline.load();
        if (saved.isPresent()) {
            RolloutState s = saved.get();
            if (!SpecDigest.of(spec).equals(s.specDigest())) {
                throw new RolloutException("rollout " + ctx.rolloutId()
                        + " was started with a different spec; use a new rollout id to run this one");
            }
            if (!s.phase().isTerminal()) {
                // a router that lost its memory (a restarted simulator, a reverted HTTPRoute) is put back
                // where the saved state says; an unchanged weight is a no-op
                try {
                    restore(s);
                } catch (TrafficRoutingException e) {
                    throw new RolloutException("cannot resume rollout " + ctx.rolloutId() + ": " + e.getMessage(), e);
                }
            }
            return s;
        }
        validate();
        GitOpsSpec g = spec.gitops();
        String stable;
        try {
            stable = ctx.promoter().currentValue(g.repoUrl(), g.branch(), g.file(), g.value(), ctx.gitCredentials());
        } catch (PromotionException e) {
            throw new RolloutException("cannot start: " + e.getMessage(), e);
        }
        RolloutState s = RolloutState.initial(ctx.rolloutId(), SpecDigest.of(spec), stable);
        return timeline.record(s, timeline.event(s, -1, Kind.STARTED, startMessage(stable)));
    }

    @Override
    public final RolloutState advance() throws RolloutException {
        RolloutState s = timeline.loadStarted();
        while (!s.phase().isTerminal()) {
            if (s.phase() == RolloutPhase.PAUSED) {
                return s; // until a person approves or aborts (RolloutControl)
            }
            if (s.waitUntil() != null && ctx.clock().now().isBefore(s.waitUntil())) {
                return s; // a pause, an analysis window or a retry delay is still running
            }
            s = switch (s.phase()) {
                case PROGRESSING -> progress(s);
                case PROMOTING -> promote(s);
                case VERIFYING -> promotion.verify(s);
                case ROLLING_BACK -> rollBack(s);
                default -> throw new IllegalStateException("terminal phase " + s.phase());
            };
        }
        return s;
    }

    @Override
    public final RolloutState abort(String reason) throws RolloutException {
        RolloutState before = timeline.loadStarted();
        RolloutState s = new RolloutControl(ctx.store()).abort(ctx.rolloutId(), reason, ctx.clock().now());
        if (s.events().size() > before.events().size()) {
            RolloutEvent last = s.events().get(s.events().size() - 1);
            ctx.listener().onEvent(s, last);
        }
        return s;
    }

    /** Everything this runtime must be able to do for the spec, checked before any side effect. */
    protected void validate() throws RolloutException {
    }

    /** The first line of the timeline; {@code stable} is the value the environment repository holds. */
    protected abstract String startMessage(String stable);

    /** After a restart: put the router where the saved state says (a router that is its own record keeps its weight). */
    protected void restore(RolloutState s) throws TrafficRoutingException {
        ctx.router().restoreCanaryWeight(s.weight());
    }

    /** One transition of the PROGRESSING phase. */
    protected abstract RolloutState progress(RolloutState s) throws RolloutException;

    protected RolloutState promote(RolloutState s) throws RolloutException {
        return promotion.promote(s);
    }

    protected RolloutState rollBack(RolloutState s) throws RolloutException {
        return promotion.rollBack(s);
    }
}
