package io.devopssim.deploy;

import io.devopssim.core.spec.AnalysisCheck;
import io.devopssim.core.spec.BlueGreenSpec;
import io.devopssim.core.spec.Durations;
import io.devopssim.core.state.RolloutEvent;
import io.devopssim.core.state.RolloutEvent.Kind;
import io.devopssim.core.state.RolloutPhase;
import io.devopssim.core.state.RolloutState;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The blue-green part of a rollout, in Argo Rollouts' order: pre-promotion analysis of the preview, a pause
 * until approved when auto-promotion is off, the cut-over (all traffic to the release at once: weight 100
 * through the router, the active service's switch), the promotion commit, post-promotion analysis, and the
 * scale-down delay during which a rollback is still a switch back. Blue-green runs it from its first step,
 * a hybrid after its canary steps; {@link RolloutState#stepIndex()} counts on from there.
 */
final class CutOver {
    /** One transition-bearing stage; only those the spec asks for are in a rollout's list. */
    enum Stage { PRE_PROMOTION_ANALYSIS, AWAIT_PROMOTION, SWITCH, PROMOTE, POST_PROMOTION_ANALYSIS, SCALE_DOWN }

    /** The timeline's line when a rollback takes traffic off the release. */
    static final String SWITCH_BACK = "rollback: switched back, the stable version takes every request again";

    private final RolloutContext ctx;
    private final Timeline timeline;
    private final AnalysisWindow analysis;
    private final TrafficMove move;
    private final BlueGreenSpec spec;
    private final int first;
    private final List<Stage> stages = new ArrayList<>();

    /** @param first the step index of the first stage */
    CutOver(RolloutContext ctx, Timeline timeline, BlueGreenSpec spec, int first) {
        this.ctx = ctx;
        this.timeline = timeline;
        this.analysis = new AnalysisWindow(ctx, timeline);
        this.move = new TrafficMove(ctx, timeline);
        this.spec = spec;
        this.first = first;
        if (spec.prePromotionAnalysis() != null) {
            stages.add(Stage.PRE_PROMOTION_ANALYSIS);
        }
        if (!spec.autoPromotionEnabled()) {
            stages.add(Stage.AWAIT_PROMOTION);
        }
        stages.add(Stage.SWITCH);
        stages.add(Stage.PROMOTE);
        if (spec.postPromotionAnalysis() != null) {
            stages.add(Stage.POST_PROMOTION_ANALYSIS);
        }
        stages.add(Stage.SCALE_DOWN);
    }

    List<Stage> stages() {
        return List.copyOf(stages);
    }

    void validate() throws RolloutException {
        if (spec.prePromotionAnalysis() != null) {
            AnalysisWindow.require(ctx, Analyses.Target.PREVIEW, spec.prePromotionAnalysis().criteria(),
                    "blueGreen.prePromotionAnalysis");
        }
        if (spec.postPromotionAnalysis() != null) {
            AnalysisWindow.require(ctx, Analyses.Target.LIVE, spec.postPromotionAnalysis().criteria(),
                    "blueGreen.postPromotionAnalysis");
        }
    }

    RolloutState run(RolloutState s) throws RolloutException {
        String tag = ctx.spec().image().tag();
        return switch (stages.get(s.stepIndex() - first)) {
            case PRE_PROMOTION_ANALYSIS -> analyse(s, spec.prePromotionAnalysis(), Analyses.Target.PREVIEW, "pre-promotion",
                    "watching the preview (" + tag + ") under test traffic, beside the active version, for ");
            case AWAIT_PROMOTION -> {
                RolloutState next = s.withPhase(RolloutPhase.PAUSED).waiting(ctx.clock().now(), null);
                yield timeline.record(next, timeline.event(next, s.stepIndex(), Kind.PAUSE_STARTED,
                        "paused until approved: the cut-over to " + tag + " waits (autoPromotionEnabled is false)"));
            }
            case SWITCH -> cutOver(s, tag);
            case PROMOTE -> timeline.save(s.withPhase(RolloutPhase.PROMOTING));
            case POST_PROMOTION_ANALYSIS -> analyse(s, spec.postPromotionAnalysis(), Analyses.Target.LIVE, "post-promotion",
                    "watching " + tag + " take every request for ");
            case SCALE_DOWN -> scaleDown(s, tag);
        };
    }

    private RolloutState analyse(RolloutState s, AnalysisCheck check, Analyses.Target target, String which, String watching)
            throws RolloutException {
        String window = Durations.format(check.window());
        return analysis.run(s, check.window(), target, check.criteria(), new AnalysisWindow.Wording(
                which + " analysis: " + watching + window, which + " analysis " + window + ": ", which + " analysis "));
    }

    /** All traffic at once (a blue-green router knows no weight but 0 and 100), as one change: one GitOps commit. */
    private RolloutState cutOver(RolloutState s, String tag) throws RolloutException {
        return move.run(s, move.change("cut-over", 100, null), "cut-over", "cut-over: the active service selects " + tag
                + ", which gets 100% of requests at once (it had " + s.weight() + "%)");
    }

    /** The previous version keeps running for the delay, so a rollback meanwhile is a switch back. */
    private RolloutState scaleDown(RolloutState s, String tag) throws RolloutException {
        Instant now = ctx.clock().now();
        Duration delay = Duration.ofSeconds(spec.scaleDownDelaySeconds());
        if (s.waitingSince() == null && !delay.isZero()) {
            RolloutState next = s.waiting(now, now.plus(delay));
            return timeline.record(next, timeline.event(next, s.stepIndex(), Kind.PAUSE_STARTED, "scale-down delay "
                    + Durations.format(delay) + ": the previous version keeps running, so a rollback is a switch back"));
        }
        RolloutState next = s.withPhase(RolloutPhase.PROMOTED).notWaiting();
        return timeline.record(next, new RolloutEvent(now, s.stepIndex(), Kind.PROMOTED, "promoted: " + tag
                + " is active and the previous version is scaled down", s.weight(), Timeline.lastJudgement(s),
                Timeline.promotionCommit(s).orElse(null)));
    }
}
