package io.devopssim.mlgate.gate;

/**
 * Whether a retrained model replaced (or may replace) the current one, with the held-back figures it was
 * decided on.
 *
 * @param promoted           true when the candidate is (to be) current
 * @param candidate          the candidate's version
 * @param previous           the version current before the decision (null when there was none)
 * @param candidateOnHeldOut the candidate on the held-back examples
 * @param previousOnHeldOut  the previous model on them (null when there was none, or it reads another schema)
 * @param reason             one sentence with both models' figures
 */
public record PromotionDecision(boolean promoted, String candidate, String previous, GateScore candidateOnHeldOut,
                                GateScore previousOnHeldOut, String reason) {
}
