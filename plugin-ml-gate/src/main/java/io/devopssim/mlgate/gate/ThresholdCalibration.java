package io.devopssim.mlgate.gate;

import java.util.List;

/**
 * Picks the gate's probability threshold from healthy releases the model was not trained on, so that at
 * most a chosen share of them would have been rolled back. The examples must come from data kept apart
 * from training and from whatever the gate is later evaluated on.
 */
public final class ThresholdCalibration {
    private ThresholdCalibration() {
    }

    /**
     * @param healthy         held-back healthy windows
     * @param falseAlarmRate  the share of them allowed to fail, e.g. 0.01
     * @param floor           the threshold never goes below this (0.5: never fail a release the model
     *                        thinks more likely healthy than bad)
     */
    public static double forFalseAlarmRate(GateModel model, List<TrainingExample> healthy, double falseAlarmRate, double floor) {
        if (healthy.isEmpty() || healthy.stream().anyMatch(TrainingExample::bad)) {
            throw new IllegalArgumentException("calibration needs healthy examples only");
        }
        if (!(falseAlarmRate >= 0 && falseAlarmRate < 1)) {
            throw new IllegalArgumentException("falseAlarmRate must be in [0, 1): " + falseAlarmRate);
        }
        double[] p = healthy.stream().mapToDouble(e -> model.probabilityBad(e.features())).sorted().toArray();
        int allowed = (int) Math.floor(falseAlarmRate * p.length);
        // failing means p >= threshold: put the threshold just above the (allowed+1)-th highest probability
        double threshold = Math.nextUp(p[p.length - 1 - allowed]);
        return Math.min(Math.max(threshold, floor), Math.nextDown(1.0));
    }

}
