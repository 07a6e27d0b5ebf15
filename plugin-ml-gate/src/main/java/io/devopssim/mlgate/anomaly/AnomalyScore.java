package io.devopssim.mlgate.anomaly;

/**
 * What the detector says about one value.
 *
 * @param score    in [0, 1): {@code surprise / (surprise + alarmSurprise)}, so 0.5 is exactly the alarm
 *                 level; 0 while the detector rests after an alarm or is still learning
 * @param surprise the largest channel's {@code -log10} tail probability (0 while resting or learning)
 * @param channel  which channel saw it: {@link Channel#NONE} when none scored
 * @param alarm    whether this value raised an alarm (surprise at or above the alarm level)
 */
public record AnomalyScore(double score, double surprise, Channel channel, boolean alarm) {
    static final AnomalyScore QUIET = new AnomalyScore(0, 0, Channel.NONE, false);

    /** The view of the series that found the value unusual. */
    public enum Channel {
        NONE,
        /** the value against the window's values */
        VALUE,
        /** the mean of the latest values against the window's earlier such means: a level shift */
        LEVEL,
        /** the change since the same time one season ago against earlier such changes: a broken daily pattern */
        SEASONAL
    }
}
