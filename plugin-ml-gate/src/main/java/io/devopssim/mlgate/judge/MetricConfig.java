package io.devopssim.mlgate.judge;

import java.util.Objects;

/**
 * How one metric is judged (Kayenta's metric config).
 *
 * @param metric          metric name as the provider serves it
 * @param group           the group whose weight the metric shares
 * @param direction       which way of moving is a failure
 * @param allowedIncrease a rise is a failure only when the canary/baseline mean ratio is above this
 *                        (Kayenta's {@code effectSize.allowedIncrease}, default 1.0)
 * @param allowedDecrease a fall is a failure only when the mean ratio is below this (default 1.0)
 * @param critical        a failure of this metric fails the whole analysis whatever the score, and its
 *                        missing data makes it inconclusive
 */
public record MetricConfig(String metric, String group, Direction direction, double allowedIncrease,
                           double allowedDecrease, boolean critical) {
    public MetricConfig {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(direction, "direction");
        if (!(allowedIncrease >= 1) || !(allowedDecrease > 0 && allowedDecrease <= 1)) {
            throw new IllegalArgumentException(metric + ": allowedIncrease must be >= 1 and allowedDecrease in (0, 1]");
        }
    }

    /** A metric that must not rise, with Kayenta's default effect sizes. */
    public static MetricConfig mustNotIncrease(String metric, String group, boolean critical) {
        return new MetricConfig(metric, group, Direction.INCREASE, 1.0, 1.0, critical);
    }
}
