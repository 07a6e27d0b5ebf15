package io.devopssim.mlgate.eval.nab;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * NAB's scoring on tiny hand-made files whose expected scores follow from NAB's formulas by hand.
 *
 * <p>The file used throughout has 20 rows, so its probationary period is floor(0.15 * 20) = 3 rows
 * (rows 0..2), and one window on rows 10..13 (width 4). NAB's scaled sigmoid is
 * S(y) = 2 / (1 + e^(5y)) - 1 = tanh(-5y / 2), and a detection on row i of the window earns
 * tpWeight * S(y) / S(-1) with y = -(13 - i + 1) / 4.
 */
class NabScorerTest {
    private static final double EPS = 1e-12;
    /** S(-1) = tanh(2.5), the best a detection can earn before scaling. */
    private static final double MAX_TP = Math.tanh(2.5);

    @Test
    @DisplayName("a detection on the first row of a window earns exactly tpWeight")
    void shouldEarnTpWeightForDetectionOnFirstRowOfWindow() {
        // row 10: y = -(13 - 10 + 1) / 4 = -1, S(-1) / S(-1) = 1
        assertThat(score(CostProfile.STANDARD, 10).score()).isCloseTo(1.0, within(EPS));
    }

    @Test
    @DisplayName("a detection on the last row of a window earns S(-1/4) / S(-1)")
    void shouldEarnLessForLateDetection() {
        // row 13: y = -(13 - 13 + 1) / 4 = -0.25, S(-0.25) = tanh(0.625) -> 0.562124148604483
        FileScore s = score(CostProfile.STANDARD, 13);
        assertThat(s.score()).isCloseTo(Math.tanh(0.625) / MAX_TP, within(EPS)).isCloseTo(0.562124148604483, within(1e-12));
        assertThat(s.windowsDetected()).isEqualTo(1);
    }

    @Test
    @DisplayName("only the earliest detection in a window counts")
    void shouldCountOnlyEarliestDetectionInWindow() {
        // rows 11 and 12: the earliest, row 11, has y = -(13 - 11 + 1) / 4 = -0.75,
        // tanh(1.875) / tanh(2.5) -> 0.966989087800061; row 12 adds nothing (it is no false positive either)
        FileScore s = score(CostProfile.STANDARD, 11, 12);
        assertThat(s.score()).isCloseTo(Math.tanh(1.875) / MAX_TP, within(EPS)).isCloseTo(0.966989087800061, within(1e-12));
        assertThat(s.tp()).isEqualTo(2);
        assertThat(s.fp()).isZero();
    }

    @Test
    @DisplayName("a missed window costs fnWeight: 1 in the standard profile, 2 in reward_low_FN_rate")
    void shouldChargeFnWeightForMissedWindow() {
        assertThat(score(CostProfile.STANDARD).score()).isCloseTo(-1.0, within(EPS));
        assertThat(score(CostProfile.REWARD_LOW_FN_RATE).score()).isCloseTo(-2.0, within(EPS));
        assertThat(score(CostProfile.STANDARD).windowsMissed()).isEqualTo(1);
    }

    @Test
    @DisplayName("a false positive before any window costs the full fpWeight; one in probation costs nothing")
    void shouldChargeFullFpWeightBeforeFirstWindowAndIgnoreProbation() {
        // row 5: no preceding window, y = 3, S(3) = -1: -0.11 (standard) and -0.22 (reward_low_FP_rate);
        // row 2 is probationary; the window is missed (-1)
        assertThat(score(CostProfile.STANDARD, 2, 5).score()).isCloseTo(-1.0 - 0.11, within(EPS));
        assertThat(score(CostProfile.REWARD_LOW_FP_RATE, 2, 5).score()).isCloseTo(-1.0 - 0.22, within(EPS));
        assertThat(score(CostProfile.STANDARD, 2, 5).fp()).isEqualTo(1);
    }

    @Test
    @DisplayName("a false positive soon after a window costs less than one far from it")
    void shouldChargeFalsePositivesAfterWindowBySigmoidOfDistance() {
        // row 15: y = (15 - 13) / (4 - 1) = 2/3, S(2/3) = -tanh(5/3): 0.11 * -0.931109608667578 = -0.102422056953434
        // row 19: y = 6 / 3 = 2, S(2) = -tanh(5): 0.11 * -0.999909204262595 = -0.109990012468885
        // plus the detection on row 10 (+1)
        FileScore near = score(CostProfile.STANDARD, 10, 15);
        FileScore far = score(CostProfile.STANDARD, 10, 19);
        assertThat(near.score()).isCloseTo(1 - 0.11 * Math.tanh(5.0 / 3), within(EPS)).isCloseTo(1 - 0.102422056953434, within(1e-12));
        assertThat(far.score()).isCloseTo(1 - 0.11 * Math.tanh(5), within(EPS)).isCloseTo(1 - 0.109990012468885, within(1e-12));
    }

    @Test
    @DisplayName("scaledSigmoid is tanh(-5y/2) below 3 and -1 from 3 on")
    void shouldMatchNabScaledSigmoid() {
        assertThat(NabScorer.scaledSigmoid(-1)).isCloseTo(0.986614298151430, within(1e-12));
        assertThat(NabScorer.scaledSigmoid(-0.5)).isCloseTo(0.848283639957513, within(1e-12));
        assertThat(NabScorer.scaledSigmoid(0)).isZero();
        assertThat(NabScorer.scaledSigmoid(2.999)).isGreaterThan(-1.0);
        assertThat(NabScorer.scaledSigmoid(3)).isEqualTo(-1.0);
    }

    @Test
    @DisplayName("the probationary period is floor(15 % of the rows), at most 750")
    void shouldComputeProbationLikeNab() {
        assertThat(NabScorer.probationRows(20)).isEqualTo(3);
        assertThat(NabScorer.probationRows(4032)).isEqualTo(604);
        assertThat(NabScorer.probationRows(18050)).isEqualTo(750);
    }

    @Test
    @DisplayName("the optimiser picks the corpus-wide threshold with the best total, as NAB's sweep does")
    void shouldOptimiseThresholdOverCorpus() {
        // file A (window 10..13): row 12 scores 0.9, row 10 scores 0.6, row 5 scores 0.5 (before the window);
        // file B (no window): row 8 scores 0.95. Totals (standard; null = -1 for the one window):
        //   t = 0.95: -1 - 0.11                                  = -1.11
        //   t = 0.9 : -1.11 + (1 + tanh(1.25)/tanh(2.5))         = -1.11 + 1.859792566909784 = 0.749792566909784
        //   t = 0.6 : row 10 replaces row 12 as earliest: -1.11 + 2 = 0.89   <- best
        //   t = 0.5 : 0.89 - 0.11                                = 0.78
        //   t = 0   : every other row is a detection too: far below
        // normalised: 100 * (0.89 - (-1)) / (1 - (-1)) = 94.5
        LabelledSeries a = file("cat/a.csv", new AnomalyWindow(10, 13));
        LabelledSeries b = file("cat/b.csv");
        double[] scoresA = new double[20];
        scoresA[12] = 0.9;
        scoresA[10] = 0.6;
        scoresA[5] = 0.5;
        double[] scoresB = new double[20];
        scoresB[8] = 0.95;
        NabScorer.Optimum best = NabScorer.optimize(List.of(NabScorer.sweep(a, CostProfile.STANDARD),
                NabScorer.sweep(b, CostProfile.STANDARD)), List.of(scoresA, scoresB));
        assertThat(best.threshold()).isEqualTo(0.6);
        assertThat(best.score()).isCloseTo(0.89, within(EPS));
        assertThat(best.nullScore()).isEqualTo(-1.0);
        assertThat(best.perfectScore()).isEqualTo(1.0);
        assertThat(best.normalised()).isCloseTo(94.5, within(1e-9));

        // reward_low_FP_rate (fp 0.22): t = 0.6 gives -1 - 0.22 + 2 = 0.78 -> 100 * 1.78 / 2 = 89.0
        NabScorer.Optimum lowFp = NabScorer.optimize(List.of(NabScorer.sweep(a, CostProfile.REWARD_LOW_FP_RATE),
                NabScorer.sweep(b, CostProfile.REWARD_LOW_FP_RATE)), List.of(scoresA, scoresB));
        assertThat(lowFp.threshold()).isEqualTo(0.6);
        assertThat(lowFp.normalised()).isCloseTo(89.0, within(1e-9));
    }

    @Test
    @DisplayName("when every threshold costs more than it earns, the best is to detect nothing: the null score at 1.1")
    void shouldChooseNoDetectionWhenNothingPays() {
        // a harsh profile (a false positive costs a whole window): at t = 0.9 (row 5) the total is -1 - 1 = -2;
        // at t = 0 every row detects: +2 for the window but -7 for rows 3..9 and about -5.6 after it.
        // Nothing beats the null score -1. Row 1 (score 1.0) is probationary and never counts.
        CostProfile harsh = new CostProfile("harsh", 1.0, 1.0, 1.0);
        LabelledSeries a = file("cat/a.csv", new AnomalyWindow(10, 13));
        double[] scores = new double[20];
        scores[5] = 0.9;
        scores[1] = 1.0;
        NabScorer.Optimum best = NabScorer.optimize(List.of(NabScorer.sweep(a, harsh)), List.of(scores));
        assertThat(best.threshold()).isEqualTo(NabScorer.NO_DETECTION);
        assertThat(best.score()).isEqualTo(-1.0);
        assertThat(best.normalised()).isZero();
    }

    @Test
    @DisplayName("the evaluation scores every category at the corpus threshold and normalises each")
    void shouldReportPerCategory() {
        // category x: file with its window found on the first row (+1, normalised 100);
        // category y: a file without windows whose one false positive before any window costs 0.11
        LabelledSeries x = file("x/a.csv", new AnomalyWindow(10, 13));
        LabelledSeries y = file("y/b.csv");
        double[] sx = new double[20];
        sx[10] = 0.8;
        double[] sy = new double[20];
        sy[6] = 0.8;
        NabCorpus corpus = new NabCorpus(List.of(x, y), List.of(CostProfile.STANDARD));
        NabResult r = NabEvaluation.score(corpus, List.of(sx, sy)).get(0);
        assertThat(r.threshold()).isEqualTo(0.8);
        assertThat(r.score()).isCloseTo(1 - 0.11, within(EPS));
        // overall: 100 * (0.89 + 1) / 2
        assertThat(r.normalised()).isCloseTo(94.5, within(1e-9));
        assertThat(r.categories()).extracting(CategoryScore::category).containsExactly("x", "y");
        assertThat(r.categories().get(0).normalised()).isCloseTo(100.0, within(1e-9));
        assertThat(r.categories().get(1).normalised()).isNaN();
        assertThat(r.categories().get(1).score()).isCloseTo(-0.11, within(EPS));
        assertThat(r.categories().get(1).falsePositives()).isEqualTo(1);
    }

    @Test
    @DisplayName("scores outside [0, 1] and windows in the probationary period are refused")
    void shouldRefuseBadInput() {
        LabelledSeries a = file("cat/a.csv", new AnomalyWindow(10, 13));
        double[] scores = new double[20];
        scores[4] = 1.5;
        NabScorer.FileSweep sweep = NabScorer.sweep(a, CostProfile.STANDARD);
        assertThatThrownBy(() -> NabScorer.score(sweep, scores, 0.5)).hasMessageContaining("outside [0, 1]");
        assertThatThrownBy(() -> file("cat/c.csv", new AnomalyWindow(2, 5))).hasMessageContaining("probationary");
        assertThatThrownBy(() -> NabScorer.score(sweep, new double[19], 0.5)).hasMessageContaining("19 scores for 20 rows");
    }

    private static FileScore score(CostProfile profile, int... detections) {
        LabelledSeries file = file("cat/a.csv", new AnomalyWindow(10, 13));
        double[] scores = new double[20];
        for (int d : detections) {
            scores[d] = 1.0;
        }
        return NabScorer.score(NabScorer.sweep(file, profile), scores, 0.5);
    }

    private static LabelledSeries file(String name, AnomalyWindow... windows) {
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        List<Instant> times = IntStream.range(0, 20).mapToObj(i -> start.plus(Duration.ofMinutes(5L * i))).toList();
        return new LabelledSeries(name, times, new double[20], List.of(windows));
    }
}
