package io.devopssim.mlgate.eval.nab;

import io.devopssim.mlgate.anomaly.AnomalyScore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole harness, streaming detectors and all, on a small corpus generated here. */
class NabEvaluationTest {
    private static final Instant START = Instant.parse("2024-03-01T00:00:00Z");
    private static final int ROWS = 2000;

    @Test
    @DisplayName("the detector finds level shifts early in their windows and scores far above one that fires at random")
    void shouldScoreDetectorAboveRandomOnGeneratedCorpus() {
        // three files with a level shift of 3 standard deviations at row 1500 (window 1450..1649, centred
        // on it as NAB's are), and one file of plain noise
        List<LabelledSeries> files = new ArrayList<>();
        for (int f = 0; f < 3; f++) {
            files.add(series("shift/f" + f + ".csv", f, 1500, List.of(new AnomalyWindow(1450, 1649))));
        }
        files.add(series("noise/n.csv", 9, -1, List.of()));
        NabCorpus corpus = new NabCorpus(files, CostProfile.NAB);

        List<NabResult> detector = NabEvaluation.score(corpus, NabEvaluation.detect(corpus, NabDetectors.surprise()));
        SplittableRandom random = new SplittableRandom(1);
        List<NabResult> coin = NabEvaluation.score(corpus, NabEvaluation.detect(corpus,
                file -> (time, value) -> new AnomalyScore(random.nextDouble(), 0, AnomalyScore.Channel.NONE, false)));

        NabResult standard = detector.get(0);
        assertThat(standard.profile()).isEqualTo(CostProfile.STANDARD);
        assertThat(standard.categories()).extracting(CategoryScore::category).containsExactly("shift", "noise");
        assertThat(standard.categories().get(0).detected()).isEqualTo(3);
        // found within the first rows after the shift, i.e. past the middle of the window: worth > 0.5 each
        assertThat(standard.categories().get(0).normalised()).isGreaterThan(70);
        assertThat(standard.normalised()).isGreaterThan(coin.get(0).normalised() + 40);
        assertThat(detector).extracting(r -> r.profile().name())
                .containsExactly("standard", "reward_low_FP_rate", "reward_low_FN_rate");
    }

    private static LabelledSeries series(String name, long seed, int shiftAt, List<AnomalyWindow> windows) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Instant> times = new ArrayList<>();
        double[] values = new double[ROWS];
        for (int i = 0; i < ROWS; i++) {
            times.add(START.plus(Duration.ofMinutes(5L * i)));
            values[i] = 50 + 2 * random.nextGaussian() + (shiftAt >= 0 && i >= shiftAt ? 6 : 0);
        }
        return new LabelledSeries(name, times, values, windows);
    }
}
