package io.devopssim.mlgate.gate;

import io.devopssim.core.model.Numbers;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A model's figures on held-back examples at a false-rollback budget (see {@link GatingCriterion}).
 *
 * @param healthy           held-back healthy releases
 * @param bad               held-back bad releases
 * @param falseRollbackRate the budget the threshold was chosen for
 * @param threshold         the lowest probability threshold within the budget
 * @param caught            bad releases at or above it
 * @param falseRollbacks    healthy releases at or above it
 * @param recall            caught / bad
 * @param logLoss           mean binary log loss over all held-back examples (shown, not deciding)
 */
public record GateScore(int healthy, int bad, double falseRollbackRate, double threshold, int caught,
                        int falseRollbacks, double recall, double logLoss) {

    public static GateScore of(GateModel model, List<TrainingExample> heldOut, double falseRollbackRate) {
        double[] healthyP = heldOut.stream().filter(e -> !e.bad()).mapToDouble(e -> model.probabilityBad(e.features()))
                .sorted().toArray();
        double[] badP = heldOut.stream().filter(TrainingExample::bad).mapToDouble(e -> model.probabilityBad(e.features()))
                .toArray();
        if (healthyP.length == 0 || badP.length == 0) {
            throw new IllegalArgumentException("held-back examples need both healthy and bad releases; got "
                    + healthyP.length + " healthy and " + badP.length + " bad");
        }
        int allowed = (int) Math.floor(falseRollbackRate * healthyP.length);
        // failing means p >= threshold: just above the (allowed+1)-th highest healthy probability
        double threshold = Math.min(Math.nextUp(healthyP[healthyP.length - 1 - allowed]), 1.0);
        int caught = (int) Arrays.stream(badP).filter(p -> p >= threshold).count();
        int falseRollbacks = (int) Arrays.stream(healthyP).filter(p -> p >= threshold).count();
        double loss = 0;
        for (double p : healthyP) {
            loss -= Math.log(1 - clamp(p));
        }
        for (double p : badP) {
            loss -= Math.log(clamp(p));
        }
        return new GateScore(healthyP.length, badP.length, falseRollbackRate, threshold, caught, falseRollbacks,
                caught / (double) badP.length, loss / (healthyP.length + badP.length));
    }

    private static double clamp(double p) {
        return Math.min(1 - 1e-7, Math.max(1e-7, p));
    }

    /** {@code recall 0.9333 (14/15 bad caught) at threshold 0.2131, 0/40 healthy rolled back, log loss 0.1442}. */
    public String describe() {
        return String.format(Locale.ROOT, "recall %s (%d/%d bad caught) at threshold %s, %d/%d healthy rolled back, log loss %s",
                Numbers.format(recall), caught, bad, Numbers.format(threshold), falseRollbacks, healthy, Numbers.format(logLoss));
    }
}
