package io.devopssim.mlgate.gate;

/**
 * Whether a retrained model replaced the current one, with the held-back numbers it was decided on.
 *
 * @param promoted  true when the candidate is now current
 * @param candidate the candidate's version
 * @param previous  the version current before the decision (null when there was none)
 * @param candidateOnHeldOut the candidate on the held-back examples
 * @param previousOnHeldOut  the previous model on them (null when there was none)
 * @param reason    one sentence
 */
public record PromotionDecision(boolean promoted, String candidate, String previous, Evaluation candidateOnHeldOut,
                                Evaluation previousOnHeldOut, String reason) {
}
