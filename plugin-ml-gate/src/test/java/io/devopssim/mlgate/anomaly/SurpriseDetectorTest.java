package io.devopssim.mlgate.anomaly;

import io.devopssim.mlgate.anomaly.AnomalyScore.Channel;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The detector on series generated here: noise, spikes, level shifts, a broken daily pattern. */
class SurpriseDetectorTest {
    private static final Instant START = Instant.parse("2024-03-01T00:00:00Z");
    private static final Duration STEP = Duration.ofMinutes(5);
    /** 288 five-minute points make a day. */
    private static final int DAY = 288;

    @Test
    @DisplayName("stationary noise raises no alarm over 5,000 points")
    void shouldStayQuietOnNoise() {
        SplittableRandom random = new SplittableRandom(1);
        List<AnomalyScore> scores = run(DetectorConfig.daily(100), 5000, i -> 100 + 5 * gaussian(random));
        assertThat(scores).noneMatch(AnomalyScore::alarm);
        assertThat(scores.stream().mapToDouble(AnomalyScore::score).max().orElseThrow()).isLessThan(0.5);
    }

    @Test
    @DisplayName("a spike of 12 standard deviations is an alarm on the spike itself, seen by the value channel")
    void shouldAlarmOnSpike() {
        SplittableRandom random = new SplittableRandom(2);
        List<AnomalyScore> scores = run(DetectorConfig.daily(100), 3000, i -> 100 + 5 * gaussian(random) + (i == 2000 ? 60 : 0));
        assertThat(scores.get(2000).alarm()).isTrue();
        assertThat(scores.get(2000).channel()).isEqualTo(Channel.VALUE);
        assertThat(scores.get(2000).score()).isGreaterThanOrEqualTo(0.5);
        assertThat(alarms(scores)).containsExactly(2000);
    }

    @Test
    @DisplayName("a level shift of 2 standard deviations is found by the level channel within the short mean's length")
    void shouldAlarmOnLevelShift() {
        SplittableRandom random = new SplittableRandom(3);
        List<AnomalyScore> scores = run(DetectorConfig.daily(500), 3000, i -> 100 + 5 * gaussian(random) + (i >= 2000 ? 10 : 0));
        List<Integer> alarms = alarms(scores);
        assertThat(alarms).hasSize(1);
        assertThat(alarms.get(0)).isBetween(2000, 2000 + DetectorConfig.DEFAULT_SHORT_MEAN);
        assertThat(scores.get(alarms.get(0)).channel()).isEqualTo(Channel.LEVEL);
    }

    @Test
    @DisplayName("a day whose pattern is shifted by half a day stays within the series' range but breaks the season")
    void shouldAlarmOnBrokenDailyPattern() {
        SplittableRandom random = new SplittableRandom(4);
        int broken = 8 * DAY;
        List<AnomalyScore> scores = run(DetectorConfig.daily(DAY), 10 * DAY, i -> {
            int phase = i >= broken && i < broken + DAY ? i + DAY / 2 : i;
            return 100 + 40 * Math.sin(2 * Math.PI * phase / DAY) + gaussian(random);
        });
        List<Integer> alarms = alarms(scores);
        assertThat(alarms).isNotEmpty();
        assertThat(alarms.get(0)).isBetween(broken, broken + DAY / 4);
        assertThat(scores.get(alarms.get(0)).channel()).isEqualTo(Channel.SEASONAL);
        assertThat(alarms).allMatch(i -> i >= broken && i <= broken + DAY + DAY);

        // without the seasonal channel the same day goes unnoticed: every value is ordinary for the series
        SplittableRandom again = new SplittableRandom(4);
        List<AnomalyScore> flat = run(DetectorConfig.daily(DAY).withoutSeason(), 10 * DAY, i -> {
            int phase = i >= broken && i < broken + DAY ? i + DAY / 2 : i;
            return 100 + 40 * Math.sin(2 * Math.PI * phase / DAY) + again.nextGaussian();
        });
        assertThat(flat).noneMatch(AnomalyScore::alarm);
    }

    @Test
    @DisplayName("after an alarm the detector rests for restPoints points, then scores again")
    void shouldRestAfterAlarm() {
        SplittableRandom random = new SplittableRandom(5);
        List<AnomalyScore> scores = run(DetectorConfig.daily(50), 3000,
                i -> 100 + 5 * gaussian(random) + (i == 2000 || i == 2030 || i == 2100 ? 80 : 0));
        assertThat(alarms(scores)).containsExactly(2000, 2100);
        assertThat(scores.subList(2001, 2051)).allMatch(s -> s.score() == 0 && !s.alarm());
        assertThat(scores.get(2051).score()).isPositive();
    }

    @Test
    @DisplayName("memory stays bounded however long the stream")
    void shouldKeepMemoryBounded() {
        SurpriseDetector detector = new SurpriseDetector(DetectorConfig.daily(10));
        SplittableRandom random = new SplittableRandom(6);
        for (int i = 0; i < 50_000; i++) {
            detector.update(START.plus(STEP.multipliedBy(i)), random.nextDouble());
        }
        assertThat(detector.seasonPoints()).isEqualTo(DAY);
        assertThat(detector.bufferedValues()).isEqualTo(3 * DetectorConfig.DEFAULT_WINDOW + DetectorConfig.DEFAULT_SHORT_MEAN + 3 * DAY);
    }

    @Test
    @DisplayName("a season finer than maxSeasonPoints allows turns the seasonal channel off instead of buffering a day of seconds")
    void shouldDisableSeasonForFineSpacing() {
        SurpriseDetector detector = new SurpriseDetector(DetectorConfig.daily(10));
        detector.update(START, 1);
        detector.update(START.plusSeconds(1), 1);
        assertThat(detector.seasonPoints()).isZero();
    }

    @Test
    @DisplayName("non-finite values and times that go backwards are refused")
    void shouldRefuseBadInput() {
        SurpriseDetector detector = new SurpriseDetector(DetectorConfig.daily(10));
        assertThatThrownBy(() -> detector.update(START, Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not finite");
        detector.update(START, 1);
        assertThatThrownBy(() -> detector.update(START.minusSeconds(1), 2)).hasMessageContaining("before the previous");
        assertThatThrownBy(() -> new DetectorConfig(10, 1, 50, 8, 0, Duration.ZERO, 10))
                .hasMessageContaining("invalid detector settings");
    }

    @Test
    @DisplayName("the tail surprise is -log10 of the normal tail, also far out where erfc underflows")
    void shouldComputeGaussianTail() {
        // P(Z >= 0) = 0.5; P(Z >= 3.090232) = 0.001; P(Z >= 5.997807) = 1e-9
        assertThat(GaussianTail.surprise(0)).isCloseTo(Math.log10(2), org.assertj.core.api.Assertions.within(1e-12));
        assertThat(GaussianTail.surprise(3.090232306)).isCloseTo(3, org.assertj.core.api.Assertions.within(1e-6));
        assertThat(GaussianTail.surprise(5.997807015)).isCloseTo(9, org.assertj.core.api.Assertions.within(1e-6));
        // continuous across the switch to the asymptotic series at 30 (log10 P(Z >= 30) = -197.30 ...)
        assertThat(GaussianTail.surprise(29.999999)).isCloseTo(GaussianTail.surprise(30.000001), org.assertj.core.api.Assertions.within(1e-3));
        assertThat(GaussianTail.surprise(100)).isGreaterThan(GaussianTail.surprise(50)).isFinite();
    }

    private static List<AnomalyScore> run(DetectorConfig config, int n, IntToDoubleFunction series) {
        SurpriseDetector detector = new SurpriseDetector(config);
        List<AnomalyScore> scores = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            scores.add(detector.update(START.plus(STEP.multipliedBy(i)), series.applyAsDouble(i)));
        }
        return scores;
    }

    private static List<Integer> alarms(List<AnomalyScore> scores) {
        List<Integer> alarms = new ArrayList<>();
        for (int i = 0; i < scores.size(); i++) {
            if (scores.get(i).alarm()) {
                alarms.add(i);
            }
        }
        return alarms;
    }

    private static double gaussian(SplittableRandom random) {
        return random.nextGaussian();
    }
}
