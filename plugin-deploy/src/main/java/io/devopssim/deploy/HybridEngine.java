package io.devopssim.deploy;

import io.devopssim.core.spec.StepSpec;
import io.devopssim.core.spec.Strategy;
import io.devopssim.core.state.RolloutState;

/**
 * Hybrid (canary, then blue-green): the spec's canary steps at small weights ({@link StepRunner}, as the
 * canary runs them), then an atomic cut-over to 100% with its commit, post-promotion analysis and scale-down
 * delay ({@link CutOver}, as blue-green runs them). See {@link RolloutEngine} for the contract.
 */
public final class HybridEngine extends StrategyEngine {
    private final StepRunner steps;
    private final CutOver cutOver;

    public HybridEngine(RolloutContext ctx) {
        super(ctx, Promotion.AfterCommit.CONTINUE, CutOver.SWITCH_BACK);
        if (spec.strategy() != Strategy.HYBRID) {
            throw new IllegalArgumentException("a hybrid engine for a " + spec.strategy().yamlName() + " spec");
        }
        this.steps = new StepRunner(ctx, timeline, spec.steps());
        this.cutOver = new CutOver(ctx, timeline, spec.blueGreen(), spec.steps().size());
    }

    @Override
    protected void validate() throws RolloutException {
        steps.validate();
        cutOver.validate();
    }

    @Override
    protected String startMessage(String stable) {
        return "rolling out " + spec.image() + " as a hybrid: canary steps up to " + spec.steps().stream()
                .filter(StepSpec.SetWeight.class::isInstance)
                .mapToInt(w -> ((StepSpec.SetWeight) w).weight()).max().orElse(0)
                + "%, then a blue-green cut-over; " + spec.gitops().value().describe() + " is " + stable + " now";
    }

    @Override
    protected RolloutState progress(RolloutState s) throws RolloutException {
        return steps.done(s) ? cutOver.run(s) : steps.run(s);
    }

    @Override
    protected RolloutState rollBack(RolloutState s) throws RolloutException {
        return steps.rollBack(s, promotion);
    }
}
