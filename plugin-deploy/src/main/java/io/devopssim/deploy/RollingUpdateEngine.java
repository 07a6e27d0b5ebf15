package io.devopssim.deploy;

import io.devopssim.core.spec.AnalysisCheck;
import io.devopssim.core.spec.Durations;
import io.devopssim.core.spec.RollingSpec;
import io.devopssim.core.spec.Strategy;
import io.devopssim.core.state.RolloutPhase;
import io.devopssim.core.state.RolloutState;
import io.devopssim.core.traffic.TrafficRoutingException;

import java.util.List;
import java.util.Optional;

/**
 * A rolling update: replicas replaced batch by batch, {@code maxSurge + maxUnavailable} at a time
 * ({@link RollingSpec#batches}), each batch health checked; the promotion commit once the last batch is
 * healthy. The fleet's replicas are the simulation's ({@code simulation.pods}), and the router moves the
 * updated replicas' share (on the simulator, the fleet's replica split). An unhealthy batch, an abort or a
 * failed deployment is rolled back batch by batch, one saved transition per batch, then recorded (or the
 * promotion reverted) by commit. See {@link RolloutEngine} for the contract.
 */
public final class RollingUpdateEngine extends StrategyEngine {
    private final RollingSpec rolling;
    private final int replicas;
    private final List<RollingBatches.Batch> batches;
    private final AnalysisWindow health;
    private final TrafficMove move;
    private final RevertWait revertWait;

    public RollingUpdateEngine(RolloutContext ctx) {
        super(ctx, Promotion.AfterCommit.END, "rollback: every replica runs the stable version again");
        if (spec.strategy() != Strategy.ROLLING) {
            throw new IllegalArgumentException("a rolling update engine for a " + spec.strategy().yamlName() + " spec");
        }
        this.rolling = spec.rolling();
        this.replicas = spec.simulation().pods();
        this.batches = RollingBatches.of(rolling, replicas);
        this.health = new AnalysisWindow(ctx, timeline);
        this.move = new TrafficMove(ctx, timeline);
        this.revertWait = new RevertWait(ctx, timeline);
    }

    @Override
    protected void validate() throws RolloutException {
        AnalysisWindow.require(ctx, Analyses.Target.LIVE, rolling.healthCheck().criteria(), "rolling.healthCheck");
    }

    @Override
    protected String startMessage(String stable) {
        return "rolling out " + spec.image() + " as a rolling update of " + replicas + " replicas in " + batches.size()
                + " batch" + (batches.size() == 1 ? "" : "es") + " (maxSurge " + rolling.maxSurge() + " = "
                + rolling.maxSurge().of(replicas, true) + ", maxUnavailable " + rolling.maxUnavailable() + " = "
                + rolling.maxUnavailable().of(replicas, false) + "); " + spec.gitops().value().describe() + " is " + stable + " now";
    }

    /** Step {@code 2b} moves batch {@code b}, step {@code 2b + 1} checks its health. */
    @Override
    protected RolloutState progress(RolloutState s) throws RolloutException {
        int b = s.stepIndex() / 2;
        if (b >= batches.size()) {
            return timeline.save(s.withPhase(RolloutPhase.PROMOTING));
        }
        RollingBatches.Batch batch = batches.get(b);
        String where = "batch " + (b + 1) + "/" + batches.size();
        if (s.stepIndex() % 2 == 0) {
            return move(s, batch, where);
        }
        AnalysisCheck check = rolling.healthCheck();
        String window = Durations.format(check.window());
        return health.run(s, check.window(), Analyses.Target.LIVE, check.criteria(), new AnalysisWindow.Wording(
                where + " health check: watching a " + window + " window at " + batch.weight() + "%",
                where + " health check " + window + " at " + batch.weight() + "%: ", where + " unhealthy: "));
    }

    private RolloutState move(RolloutState s, RollingBatches.Batch batch, String where) throws RolloutException {
        int b = s.stepIndex() / 2 + 1;
        return move.run(s, move.change("batch-" + b, batch.weight(), b + "/" + batches.size()), where, where + ": "
                + replicasRunning(batch.updated()) + ", " + batch.weight() + "% of requests");
    }

    /** Back through the batches already made, one per transition, then the commit. */
    @Override
    protected RolloutState rollBack(RolloutState s) throws RolloutException {
        if (revertWait.waiting(s)) {
            return revertWait.check(s); // the next batch is reverted once this one's revert is applied (or is not)
        }
        if (s.weight() == 0) {
            return promotion.rollBack(s);
        }
        RollingBatches.Batch back = new RollingBatches.Batch(0, 0);
        int number = 0;
        for (int i = 0; i < batches.size(); i++) {
            if (batches.get(i).weight() < s.weight()) {
                back = batches.get(i);
                number = i + 1;
            }
        }
        Optional<String> revision;
        try {
            // a router that records its changes (GitOps) reverts the batches' commits down to this one
            revision = ctx.router().takeBack(move.change("rollback-to-" + back.weight(), back.weight(),
                    number == 0 ? null : number + "/" + batches.size()));
        } catch (TrafficRoutingException e) {
            return promotion.retryOrFail(s, "could not roll a batch back: " + e.getMessage());
        }
        String line = back.weight() == 0 ? "rollback: every replica runs the stable version again"
                : "rollback: " + replicasRunning(back.updated()) + ", " + back.weight() + "% of requests";
        return revertWait.tookBack(s, back.weight(), line, revision);
    }

    private String replicasRunning(int updated) {
        return updated + " of " + replicas + " replicas run " + spec.image().tag();
    }
}
