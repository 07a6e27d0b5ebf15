package io.devopssim.deploy;

import io.devopssim.core.spec.Strategy;
import io.devopssim.core.state.RolloutPhase;
import io.devopssim.core.state.RolloutState;
import io.devopssim.core.traffic.TrafficRoutingException;

/**
 * The canary: the spec's steps in order ({@link StepRunner}), then the promotion commit, after which the
 * new version runs as stable and the canary track empties. See {@link RolloutEngine} for the contract.
 * After the commit it waits, when a {@link DeploymentVerifier} is given, for the deployment to be synced and
 * healthy at it ({@code VERIFYING}), and reverts the commit on failure or abort.
 */
public final class CanaryEngine extends StrategyEngine {
    public static final String STEP_PROMOTE = Promotion.STEP_PROMOTE;
    public static final String STEP_ROLLBACK = Promotion.STEP_ROLLBACK;
    public static final String STEP_REVERT = Promotion.STEP_REVERT;

    private final StepRunner steps;

    public CanaryEngine(RolloutContext ctx) {
        super(ctx, Promotion.AfterCommit.EMPTY_CANARY_AND_END, "rollback: canary gets 0% of requests");
        if (spec.strategy() != Strategy.CANARY) {
            // another strategy's spec has no canary steps: run as a canary it would promote unjudged
            throw new IllegalArgumentException("a canary engine for a " + spec.strategy().yamlName()
                    + " spec; RolloutEngines.create picks the engine of its strategy");
        }
        this.steps = new StepRunner(ctx, timeline, ctx.spec().steps());
    }

    @Override
    protected void validate() throws RolloutException {
        steps.validate();
    }

    @Override
    protected String startMessage(String stable) {
        return "rolling out " + spec.image() + " as a canary; " + spec.gitops().value().describe() + " is " + stable + " now";
    }

    @Override
    protected void restore(RolloutState s) throws TrafficRoutingException {
        super.restore(s);
        steps.scale().restore(s);
    }

    @Override
    protected RolloutState progress(RolloutState s) throws RolloutException {
        if (steps.done(s)) {
            return timeline.save(s.withPhase(RolloutPhase.PROMOTING));
        }
        return steps.run(s);
    }

    @Override
    protected RolloutState promote(RolloutState s) throws RolloutException {
        try {
            s = steps.scale().reset(s, "promotion");
        } catch (TrafficRoutingException e) {
            return promotion.retryOrFail(s, "could not scale the canary back to its weight: " + e.getMessage());
        }
        return promotion.promote(s);
    }

    @Override
    protected RolloutState rollBack(RolloutState s) throws RolloutException {
        return steps.rollBack(s, promotion);
    }
}
