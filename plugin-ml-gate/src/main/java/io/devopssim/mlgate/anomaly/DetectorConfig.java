package io.devopssim.mlgate.anomaly;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of {@link SurpriseDetector}.
 *
 * @param window         how many past values (and past short means, and past seasonal differences) each
 *                       channel's normal model is fitted on; NAB's windowed Gaussian uses 1,000
 * @param shortMean      how many latest values the level channel averages: a shift of the level shows
 *                       in their mean long before any single value is extreme
 * @param minPoints      a channel scores nothing until its window holds this many points
 * @param alarmSurprise  the surprise ({@code -log10} tail probability) at which a point is an alarm:
 *                       8 is one in a hundred million under the window's normal model
 * @param restPoints     after an alarm the detector stays quiet for this many points, so one incident
 *                       raises one alarm (the "rest period" of NAB's CAD OSE detector)
 * @param season         the length of the seasonal cycle (a day for traffic), or {@link Duration#ZERO}
 *                       for none; turned into points from the spacing of the first two timestamps
 * @param maxSeasonPoints the longest season kept in memory, in points: a finer spacing disables the
 *                       seasonal channel instead of buffering without bound
 */
public record DetectorConfig(int window, int shortMean, int minPoints, double alarmSurprise, int restPoints,
                             Duration season, int maxSeasonPoints) {
    public static final int DEFAULT_WINDOW = 1000;
    public static final int DEFAULT_SHORT_MEAN = 10;
    public static final int DEFAULT_MIN_POINTS = 50;
    public static final double DEFAULT_ALARM_SURPRISE = 8;
    public static final int DEFAULT_MAX_SEASON_POINTS = 2016;

    public DetectorConfig {
        Objects.requireNonNull(season, "season");
        if (window < 2 || shortMean < 1 || minPoints < 2 || minPoints > window || !(alarmSurprise > 0)
                || restPoints < 0 || season.isNegative() || maxSeasonPoints < 2) {
            throw new IllegalArgumentException("invalid detector settings: window " + window + ", shortMean " + shortMean
                    + ", minPoints " + minPoints + ", alarmSurprise " + alarmSurprise + ", restPoints " + restPoints
                    + ", season " + season + ", maxSeasonPoints " + maxSeasonPoints);
        }
    }

    /** The defaults with a daily season and the given rest period. */
    public static DetectorConfig daily(int restPoints) {
        return new DetectorConfig(DEFAULT_WINDOW, DEFAULT_SHORT_MEAN, DEFAULT_MIN_POINTS, DEFAULT_ALARM_SURPRISE,
                restPoints, Duration.ofDays(1), DEFAULT_MAX_SEASON_POINTS);
    }

    public DetectorConfig withRestPoints(int points) {
        return new DetectorConfig(window, shortMean, minPoints, alarmSurprise, points, season, maxSeasonPoints);
    }

    public DetectorConfig withoutSeason() {
        return new DetectorConfig(window, shortMean, minPoints, alarmSurprise, restPoints, Duration.ZERO, maxSeasonPoints);
    }
}
