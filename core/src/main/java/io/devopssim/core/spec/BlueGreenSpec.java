package io.devopssim.core.spec;

/**
 * The {@code blueGreen:} section, with Argo Rollouts' names: the release runs as the preview beside the
 * active version, then the active service is switched to it at once (the cut-over).
 *
 * @param prePromotionAnalysis  judged on the preview (under test traffic) before the cut-over; null for none.
 *                              A failure rolls back and traffic never moves. Not used by the hybrid, whose
 *                              canary steps analyse before the cut-over
 * @param postPromotionAnalysis judged after the cut-over and its commit; a failure switches traffic back and
 *                              reverts the commit. Absolute bounds only: no version takes traffic beside the
 *                              release any more to compare with. Null for none
 * @param autoPromotionEnabled  false pauses before the cut-over until approved ({@code devsim approve})
 * @param scaleDownDelaySeconds how long the previous version keeps running after the cut-over, so that a
 *                              rollback is a fast switch back
 */
public record BlueGreenSpec(AnalysisCheck prePromotionAnalysis, AnalysisCheck postPromotionAnalysis,
                            boolean autoPromotionEnabled, int scaleDownDelaySeconds) {
    /** Argo Rollouts' default. */
    public static final int DEFAULT_SCALE_DOWN_DELAY_SECONDS = 30;
    public static final BlueGreenSpec DEFAULT = new BlueGreenSpec(null, null, true, DEFAULT_SCALE_DOWN_DELAY_SECONDS);

    public BlueGreenSpec {
        if (scaleDownDelaySeconds < 0) {
            throw new IllegalArgumentException("scaleDownDelaySeconds must not be negative: " + scaleDownDelaySeconds);
        }
    }
}
