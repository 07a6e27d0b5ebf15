package io.devopssim.deploy;

import io.devopssim.core.spec.Strategy;
import io.devopssim.core.state.RolloutState;

/**
 * Blue-green: the release runs as the preview beside the active version and takes no user request until the
 * cut-over, which moves all traffic at once ({@link CutOver}; a router sees weight 0, then 100, nothing in
 * between, so {@code BlueGreenRouter} can switch a Service selector). A failed pre-promotion analysis rolls
 * back before any traffic moves; a failed post-promotion analysis switches back and reverts the promotion
 * commit. See {@link RolloutEngine} for the contract.
 */
public final class BlueGreenEngine extends StrategyEngine {
    private final CutOver cutOver;

    public BlueGreenEngine(RolloutContext ctx) {
        super(ctx, Promotion.AfterCommit.CONTINUE, CutOver.SWITCH_BACK);
        if (spec.strategy() != Strategy.BLUE_GREEN) {
            throw new IllegalArgumentException("a blue-green engine for a " + spec.strategy().yamlName() + " spec");
        }
        this.cutOver = new CutOver(ctx, timeline, spec.blueGreen(), 0);
    }

    @Override
    protected void validate() throws RolloutException {
        cutOver.validate();
    }

    @Override
    protected String startMessage(String stable) {
        return "rolling out " + spec.image() + " blue-green: the preview runs beside the active version and takes no"
                + " user request until the cut-over; " + spec.gitops().value().describe() + " is " + stable + " now";
    }

    @Override
    protected RolloutState progress(RolloutState s) throws RolloutException {
        return cutOver.run(s);
    }
}
