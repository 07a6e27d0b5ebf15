package io.devopssim.deploy;

import io.devopssim.core.history.RolloutHistory;
import io.devopssim.core.judge.AnalysisRunner;
import io.devopssim.core.model.Judgement;
import io.devopssim.core.spec.AnalysisSpec;
import io.devopssim.core.state.RolloutEvent;
import io.devopssim.core.state.RolloutEvent.Kind;
import io.devopssim.core.state.RolloutPhase;
import io.devopssim.core.state.RolloutState;

import java.time.Duration;
import java.time.Instant;

/**
 * One analysis of a rollout (a canary step, a blue-green pre- or post-promotion analysis, a batch's health
 * check): the first transition opens the window and the rollout waits; the next, once it elapsed, judges it.
 * Only PASSED goes on: FAILED, INCONCLUSIVE and ERROR all mean it is not safe, and the rollout rolls back.
 */
final class AnalysisWindow {
    private final RolloutContext ctx;
    private final Timeline timeline;

    /**
     * What the timeline says.
     *
     * @param started       when the window opens
     * @param judged        before the judgement's summary
     * @param outcomePrefix before the verdict in the rollout's outcome when it rolls back
     */
    record Wording(String started, String judged, String outcomePrefix) {
    }

    AnalysisWindow(RolloutContext ctx, Timeline timeline) {
        this.ctx = ctx;
        this.timeline = timeline;
    }

    RolloutState run(RolloutState s, Duration window, Analyses.Target target, AnalysisSpec criteria, Wording words)
            throws RolloutException {
        Instant now = ctx.clock().now();
        if (s.waitingSince() == null) {
            RolloutState next = s.waiting(now, now.plus(window));
            return timeline.record(next, timeline.event(next, s.stepIndex(), Kind.ANALYSIS_STARTED, words.started()));
        }
        Instant start = s.waitingSince();
        // the latest chaos result is evidence about the release: a model judge reads it as features
        Judgement j = runner(target, criteria).analyse(criteria, start, start.plus(window),
                RolloutHistory.chaosBefore(s.events(), null));
        String line = words.judged() + Judgements.summary(j);
        if (j.verdict().promotes()) {
            RolloutState next = s.nextStep();
            return timeline.record(next, new RolloutEvent(now, s.stepIndex(), Kind.ANALYSIS, line, s.weight(), j, null));
        }
        RolloutState next = s.withPhase(RolloutPhase.ROLLING_BACK).notWaiting()
                .withOutcome(words.outcomePrefix() + j.verdict() + ": " + String.join("; ", j.reasons()));
        return timeline.record(next, new RolloutEvent(now, s.stepIndex(), Kind.ANALYSIS, line, s.weight(), j, null));
    }

    private AnalysisRunner runner(Analyses.Target target, AnalysisSpec criteria) {
        return ctx.analyses().runner(target, criteria).orElseThrow(() -> new IllegalStateException(
                "no runner for a " + target + " analysis: the engine checks this when the rollout starts"));
    }

    /** Before anything happens: can this runtime judge the analysis? {@code path} names it in the spec. */
    static void require(RolloutContext ctx, Analyses.Target target, AnalysisSpec criteria, String path)
            throws RolloutException {
        if (ctx.analyses().runner(target, criteria).isEmpty()) {
            throw new RolloutException(path + ": this runtime cannot judge " + (target == Analyses.Target.PREVIEW
                    ? "a blue-green preview (it has no metrics of the preview under test traffic)"
                    : "criteria with judge " + criteria.judge().yamlName() + " apart from the analysis section"));
        }
    }
}
