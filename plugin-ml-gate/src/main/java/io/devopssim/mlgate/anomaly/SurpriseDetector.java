package io.devopssim.mlgate.anomaly;

import io.devopssim.mlgate.anomaly.AnomalyScore.Channel;

import java.time.Duration;
import java.time.Instant;

/**
 * A windowed-Gaussian detector with three views of the series and a rest period.
 *
 * <ul>
 *   <li>{@link Channel#VALUE}: the value against the mean and standard deviation of the last
 *       {@code window} values (NAB's "windowed Gaussian");</li>
 *   <li>{@link Channel#LEVEL}: the mean of the last {@code shortMean} values against the earlier such
 *       means, in the spirit of Numenta's anomaly likelihood (a short average against the long-run
 *       distribution): a shift of level or a burst is surprising as a whole before any one point is;</li>
 *   <li>{@link Channel#SEASONAL}: {@code x(t)} minus the median of {@code x(t - k * season)} for k = 1..3,
 *       against the earlier such differences, so a value that is ordinary for the series but not for this
 *       time of day is seen (from the fourth season on).</li>
 * </ul>
 * Each channel's surprise is {@code -log10} of the normal tail probability; the point's surprise is the
 * largest. At {@code alarmSurprise} or more the point is an alarm and the detector then rests for
 * {@code restPoints} points (scores 0 while still learning), since one incident deserves one alarm.
 *
 * <p>Memory is bounded: three windows of {@code window} doubles, {@code shortMean} latest values and at
 * most three seasons of {@code maxSeasonPoints} values. Not thread-safe: one detector per series.
 */
public final class SurpriseDetector implements AnomalyDetector {
    /** Relative floor of a standard deviation: a perfectly flat history still gives a finite surprise. */
    private static final double FLAT = 1e-6;
    /** Seasons kept for the seasonal reference (their median). */
    private static final int SEASONS = 3;

    private final DetectorConfig config;
    private final SlidingMoments values;
    private final SlidingMoments levels;
    private final SlidingMoments seasonalChanges;
    private final double[] latest;
    private int latestCount;
    private int latestNext;
    private double latestSum;
    private double[] season;
    private int seasonNext;
    private long seen;
    private Instant first;
    private double firstValue;
    private Instant previous;
    private long restUntil = -1;

    public SurpriseDetector(DetectorConfig config) {
        this.config = config;
        this.values = new SlidingMoments(config.window());
        this.levels = new SlidingMoments(config.window());
        this.seasonalChanges = new SlidingMoments(config.window());
        this.latest = new double[config.shortMean()];
    }

    @Override
    public AnomalyScore update(Instant time, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value at " + time + " is not finite: " + value);
        }
        if (previous != null && time.isBefore(previous)) {
            throw new IllegalArgumentException("time " + time + " is before the previous value's " + previous);
        }
        if (first == null) {
            first = time;
            firstValue = value;
        } else if (seen == 1) {
            // the spacing of the first two points turns the season into points
            season = seasonBuffer(Duration.between(first, time));
            if (season != null) {
                season[0] = firstValue;
                seasonNext = 1;
            }
        }
        previous = time;

        double valueSurprise = surpriseAgainst(values, value);
        values.add(value);

        double level = pushLatest(value);
        double levelSurprise = 0;
        if (latestCount == latest.length) {
            levelSurprise = surpriseAgainst(levels, level);
            levels.add(level);
        }

        double seasonalSurprise = 0;
        if (season != null) {
            if (seen >= season.length) {
                double change = value - seasonalReference();
                seasonalSurprise = surpriseAgainst(seasonalChanges, change);
                seasonalChanges.add(change);
            }
            season[seasonNext] = value;
            seasonNext = (seasonNext + 1) % season.length;
        }

        long index = seen++;
        if (index <= restUntil) {
            return AnomalyScore.QUIET;
        }
        Channel channel = Channel.VALUE;
        double surprise = valueSurprise;
        if (levelSurprise > surprise) {
            channel = Channel.LEVEL;
            surprise = levelSurprise;
        }
        if (seasonalSurprise > surprise) {
            channel = Channel.SEASONAL;
            surprise = seasonalSurprise;
        }
        if (surprise <= 0) {
            return AnomalyScore.QUIET;
        }
        boolean alarm = surprise >= config.alarmSurprise();
        if (alarm) {
            restUntil = index + config.restPoints();
        }
        return new AnomalyScore(surprise / (surprise + config.alarmSurprise()), surprise, channel, alarm);
    }

    /** Values held in memory, whatever the stream's length: for tests and capacity planning. */
    public int bufferedValues() {
        return values.capacity() + levels.capacity() + seasonalChanges.capacity() + latest.length
                + (season == null ? 0 : season.length);
    }

    /** Points per season, or 0 when the seasonal channel is off (no season, or too fine a spacing). */
    public int seasonPoints() {
        return season == null ? 0 : season.length / SEASONS;
    }

    private double surpriseAgainst(SlidingMoments window, double x) {
        if (window.size() < config.minPoints()) {
            return 0;
        }
        double mean = window.mean();
        return GaussianTail.surprise(x, mean, window.standardDeviation(), FLAT * Math.max(1, Math.abs(mean)));
    }

    /**
     * The median of this point's values one, two and three seasons ago: one odd day (yesterday's
     * incident) then does not come back as a false alarm a season later.
     */
    private double seasonalReference() {
        int period = season.length / SEASONS;
        double a = season[(seasonNext + 2 * period) % season.length];
        double b = season[(seasonNext + period) % season.length];
        double c = season[seasonNext];
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }

    private double pushLatest(double value) {
        if (latestCount == latest.length) {
            latestSum -= latest[latestNext];
        } else {
            latestCount++;
        }
        latest[latestNext] = value;
        latestNext = (latestNext + 1) % latest.length;
        latestSum += value;
        return latestSum / latestCount;
    }

    private double[] seasonBuffer(Duration step) {
        if (config.season().isZero()) {
            return null;
        }
        long points = Math.round(config.season().toNanos() / (double) step.toNanos());
        return points >= 2 && points <= config.maxSeasonPoints() ? new double[SEASONS * (int) points] : null;
    }
}
