package io.devopssim.deploy;

import io.devopssim.core.judge.AnalysisRunner;
import io.devopssim.core.judge.ThresholdJudge;
import io.devopssim.core.spec.AnalysisSpec;
import io.devopssim.core.spec.JudgeKind;

import java.util.Optional;

/**
 * Port: what judges one analysis of a rollout: whose metrics, and the judge its criteria name. The spec's
 * own section judges the canary steps; a blue-green preview is judged under test traffic before it takes
 * any user's request; post-promotion analyses and health checks may carry criteria of their own.
 */
public interface Analyses {

    /** Whose requests an analysis watches. */
    enum Target {
        /** The traffic split users see: the release (canary, cut-over, updated replicas) and the stable version. */
        LIVE,
        /**
         * A blue-green preview before the cut-over, under test traffic through the preview service, beside the
         * active version under the same test traffic.
         */
        PREVIEW
    }

    /** The runner for {@code criteria} over the target's metrics; empty when this runtime cannot judge it. */
    Optional<AnalysisRunner> runner(Target target, AnalysisSpec criteria);

    /**
     * What a runtime with one runner can judge: the live traffic split, by the spec's {@code section} with that
     * runner's judge, or by criteria of their own with thresholds; no preview.
     */
    static Analyses of(AnalysisRunner live, AnalysisSpec section) {
        return (target, criteria) -> {
            if (target != Target.LIVE) {
                return Optional.empty();
            }
            if (criteria.equals(section)) {
                return Optional.of(live);
            }
            return criteria.judge() == JudgeKind.THRESHOLD
                    ? Optional.of(live.withJudge(new ThresholdJudge(criteria))) : Optional.empty();
        };
    }
}
