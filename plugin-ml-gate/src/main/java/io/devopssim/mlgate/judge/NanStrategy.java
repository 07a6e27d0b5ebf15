package io.devopssim.mlgate.judge;

/** What to do with NaN points of a series (Kayenta's {@code nanStrategy}). */
public enum NanStrategy {
    /** Drop them (Kayenta's default). */
    REMOVE,
    /**
     * Count them as 0, as Kayenta's {@code replace} does for counters that report nothing when nothing
     * happened. Unlike Kayenta, a series with fewer real points than the minimum is still NO_DATA: a
     * baseline made of NaNs turned into zeros would otherwise pass any canary that is also zero.
     */
    REPLACE
}
