package io.devopssim.mlgate.eval.nab;

import java.util.List;
import java.util.Objects;

/**
 * One of NAB's application profiles: how much an early detection earns and what a false positive and a
 * missed window cost ({@code config/profiles.json} upstream).
 */
public record CostProfile(String name, double tpWeight, double fpWeight, double fnWeight) {
    public static final CostProfile STANDARD = new CostProfile("standard", 1.0, 0.11, 1.0);
    public static final CostProfile REWARD_LOW_FP_RATE = new CostProfile("reward_low_FP_rate", 1.0, 0.22, 1.0);
    public static final CostProfile REWARD_LOW_FN_RATE = new CostProfile("reward_low_FN_rate", 1.0, 0.11, 2.0);
    /** NAB's three profiles in its scoreboard's order. */
    public static final List<CostProfile> NAB = List.of(STANDARD, REWARD_LOW_FP_RATE, REWARD_LOW_FN_RATE);

    public CostProfile {
        Objects.requireNonNull(name, "name");
        if (!(tpWeight > 0) || !(fpWeight >= 0) || !(fnWeight >= 0)) {
            throw new IllegalArgumentException("profile " + name + ": weights must be tp > 0, fp >= 0, fn >= 0; got "
                    + tpWeight + ", " + fpWeight + ", " + fnWeight);
        }
    }
}
