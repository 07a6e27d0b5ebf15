package io.devopssim.mlgate.eval.nab;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * NAB's scoring, as its {@code nab/sweeper.py} does it (numenta/NAB at ea702d75):
 * <ul>
 *   <li>the first {@code min(floor(0.15 * rows), 750)} rows of a file are probationary and not scored;</li>
 *   <li>a row is a detection when its anomaly score is at or above the threshold;</li>
 *   <li>in a window only the earliest detection counts, earning
 *       {@code tpWeight * scaledSigmoid(y) / scaledSigmoid(-1)} with {@code y = -(last - i + 1) / width};
 *       a window without one costs {@code fnWeight};</li>
 *   <li>every detection outside the windows costs {@code fpWeight * scaledSigmoid(y)} (negative), with
 *       {@code y = (i - lastOfPrecedingWindow) / (precedingWidth - 1)}, or the full {@code fpWeight} when
 *       no window precedes it;</li>
 *   <li>{@code scaledSigmoid(y) = 2 / (1 + e^(5y)) - 1}, and -1 from {@code y >= 3} on.</li>
 * </ul>
 * One threshold per profile is chosen for the whole corpus ({@link #optimize}), and scores are normalised
 * between the null detector ({@code -fnWeight} per window) and the perfect one ({@code tpWeight} per window).
 */
public final class NabScorer {
    /** NAB's probationary share of every file. */
    public static final double PROBATION_SHARE = 0.15;
    /** NAB caps the probationary period at 15 % of 5,000 rows. */
    public static final int PROBATION_CAP = 750;
    /** The threshold NAB reports when no detection at all scores best: above every legal score. */
    public static final double NO_DETECTION = 1.1;

    private NabScorer() {
    }

    public static int probationRows(int rows) {
        return (int) Math.min(Math.floor(PROBATION_SHARE * rows), PROBATION_CAP);
    }

    /** NAB's scaled sigmoid: 2 / (1 + e^(5y)) - 1, i.e. tanh(-5y / 2), and -1 from y = 3 on. */
    public static double scaledSigmoid(double y) {
        return y >= 3.0 ? -1.0 : 2 / (1 + Math.exp(5 * y)) - 1;
    }

    /** What a detection on each row of {@code file} would be worth under {@code profile}. */
    public static FileSweep sweep(LabelledSeries file, CostProfile profile) {
        int rows = file.rows();
        int probation = probationRows(rows);
        double[] worth = new double[rows];
        int[] window = new int[rows];
        double maxTp = scaledSigmoid(-1.0);
        List<AnomalyWindow> windows = file.windows();
        int next = 0;
        AnomalyWindow previous = null;
        for (int i = 0; i < rows; i++) {
            while (next < windows.size() && windows.get(next).last() < i) {
                previous = windows.get(next++);
            }
            AnomalyWindow current = next < windows.size() && windows.get(next).contains(i) ? windows.get(next) : null;
            if (current != null) {
                double y = -(current.last() - i + 1) / (double) current.width();
                worth[i] = scaledSigmoid(y) * profile.tpWeight() / maxTp;
                window[i] = next;
            } else {
                // a window of width 1 has no "width - 1": NAB divides by zero there; the row right after it
                // is then as far as it can be
                double y = previous == null ? 3.0
                        : previous.width() > 1 ? (i - previous.last()) / (double) (previous.width() - 1) : 3.0;
                worth[i] = scaledSigmoid(y) * profile.fpWeight();
                window[i] = FileSweep.OUTSIDE;
            }
            if (i < probation) {
                window[i] = FileSweep.PROBATION;
            }
        }
        return new FileSweep(file.name(), profile, worth, window, windows.size());
    }

    /** The file's score and counts when rows scoring at or above {@code threshold} are detections. */
    public static FileScore score(FileSweep sweep, double[] anomalyScores, double threshold) {
        checkScores(sweep, anomalyScores);
        double[] best = new double[sweep.windows()];
        boolean[] detected = new boolean[sweep.windows()];
        double falsePositiveCost = 0;
        int tp = 0;
        int fp = 0;
        int tn = 0;
        int fn = 0;
        for (int i = 0; i < anomalyScores.length; i++) {
            int w = sweep.windowOf(i);
            if (w == FileSweep.PROBATION) {
                continue;
            }
            boolean detection = anomalyScores[i] >= threshold;
            if (w == FileSweep.OUTSIDE) {
                if (detection) {
                    fp++;
                    falsePositiveCost += sweep.worth(i);
                } else {
                    tn++;
                }
            } else if (detection) {
                tp++;
                // rows come in order, so the first detection of a window is its earliest (and best) one
                if (!detected[w]) {
                    detected[w] = true;
                    best[w] = sweep.worth(i);
                }
            } else {
                fn++;
            }
        }
        double score = falsePositiveCost;
        int found = 0;
        for (int w = 0; w < best.length; w++) {
            score += detected[w] ? best[w] : -sweep.profile().fnWeight();
            found += detected[w] ? 1 : 0;
        }
        return new FileScore(sweep.name(), threshold, score, found, sweep.windows() - found, tp, tn, fp, fn);
    }

    /**
     * The threshold that maximises the corpus' total score, found as NAB's optimiser does: every distinct
     * anomaly score is a candidate (detections are the rows at or above it), swept from the highest down.
     * Of equal totals the highest threshold wins, and when nothing beats no detection at all the answer
     * is {@link #NO_DETECTION}.
     *
     * @param sweeps        one per file, all of the same profile
     * @param anomalyScores the detector's scores, one array per file in the same order, each in [0, 1]
     */
    public static Optimum optimize(List<FileSweep> sweeps, List<double[]> anomalyScores) {
        if (sweeps.size() != anomalyScores.size() || sweeps.isEmpty()) {
            throw new IllegalArgumentException(sweeps.size() + " files but " + anomalyScores.size() + " score series");
        }
        CostProfile profile = sweeps.get(0).profile();
        List<Row> rows = new ArrayList<>();
        int[] windowOffset = new int[sweeps.size()];
        int windows = 0;
        for (int f = 0; f < sweeps.size(); f++) {
            FileSweep sweep = sweeps.get(f);
            if (!sweep.profile().equals(profile)) {
                throw new IllegalArgumentException("files swept with different profiles: " + profile.name() + ", "
                        + sweep.profile().name());
            }
            double[] scores = anomalyScores.get(f);
            checkScores(sweep, scores);
            windowOffset[f] = windows;
            windows += sweep.windows();
            for (int i = 0; i < scores.length; i++) {
                int w = sweep.windowOf(i);
                if (w != FileSweep.PROBATION) {
                    rows.add(new Row(scores[i], w == FileSweep.OUTSIDE ? -1 : windowOffset[f] + w, sweep.worth(i)));
                }
            }
        }
        rows.sort((a, b) -> Double.compare(b.score, a.score));
        double nullScore = -profile.fnWeight() * windows;
        double[] windowGain = new double[windows];
        boolean[] detected = new boolean[windows];
        double total = nullScore;
        double bestTotal = nullScore;
        double bestThreshold = NO_DETECTION;
        int i = 0;
        while (i < rows.size()) {
            double threshold = rows.get(i).score;
            // every row with this score becomes a detection at once
            while (i < rows.size() && rows.get(i).score == threshold) {
                Row row = rows.get(i++);
                if (row.window < 0) {
                    total += row.worth;
                } else {
                    // a window's gain is its best (earliest) detection's worth plus the miss it no longer costs
                    double gain = row.worth + profile.fnWeight();
                    if (!detected[row.window]) {
                        detected[row.window] = true;
                        windowGain[row.window] = gain;
                        total += gain;
                    } else if (gain > windowGain[row.window]) {
                        total += gain - windowGain[row.window];
                        windowGain[row.window] = gain;
                    }
                }
            }
            if (total > bestTotal) {
                bestTotal = total;
                bestThreshold = threshold;
            }
        }
        return new Optimum(profile, bestThreshold, bestTotal, nullScore, profile.tpWeight() * windows);
    }

    /** {@code 100 * (score - null) / (perfect - null)}; NaN when there is no window to find. */
    public static double normalise(double score, int windows, CostProfile profile) {
        double nullScore = -profile.fnWeight() * windows;
        double perfect = profile.tpWeight() * windows;
        return windows == 0 ? Double.NaN : 100 * (score - nullScore) / (perfect - nullScore);
    }

    private static void checkScores(FileSweep sweep, double[] scores) {
        if (scores.length != sweep.rows()) {
            throw new IllegalArgumentException(sweep.name() + ": " + scores.length + " scores for " + sweep.rows() + " rows");
        }
        for (int i = 0; i < scores.length; i++) {
            if (!(scores[i] >= 0 && scores[i] <= 1)) {
                throw new IllegalArgumentException(sweep.name() + ": anomaly score " + scores[i] + " at row " + i
                        + " is outside [0, 1]");
            }
        }
    }

    private record Row(double score, int window, double worth) {
    }

    /**
     * The corpus-wide best threshold of one profile.
     *
     * @param threshold    detections are scores at or above it ({@link #NO_DETECTION} if none pay)
     * @param score        the corpus' raw score there
     * @param nullScore    the raw score of a detector that never fires
     * @param perfectScore the raw score of one that fires on the first row of every window and nowhere else
     */
    public record Optimum(CostProfile profile, double threshold, double score, double nullScore, double perfectScore) {
        public double normalised() {
            return 100 * (score - nullScore) / (perfectScore - nullScore);
        }
    }

    /** The rows of one file scored under one profile. */
    public record FileSweep(String name, CostProfile profile, double[] worthByRow, int[] windowByRow, int windows) {
        /** {@link #windowOf} for a row outside every window. */
        public static final int OUTSIDE = -1;
        /** {@link #windowOf} for a probationary row, which is not scored. */
        public static final int PROBATION = -2;

        public FileSweep {
            worthByRow = worthByRow.clone();
            windowByRow = windowByRow.clone();
        }

        public int rows() {
            return worthByRow.length;
        }

        /** What a detection on row {@code i} would be worth: positive in a window, negative outside. */
        public double worth(int i) {
            return worthByRow[i];
        }

        /** The window index of row {@code i}, {@link #OUTSIDE} or {@link #PROBATION}. */
        public int windowOf(int i) {
            return windowByRow[i];
        }

        @Override
        public double[] worthByRow() {
            return worthByRow.clone();
        }

        @Override
        public int[] windowByRow() {
            return windowByRow.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof FileSweep other && name.equals(other.name) && profile.equals(other.profile)
                    && Arrays.equals(worthByRow, other.worthByRow) && Arrays.equals(windowByRow, other.windowByRow);
        }

        @Override
        public int hashCode() {
            return 31 * name.hashCode() + Arrays.hashCode(worthByRow);
        }
    }
}
