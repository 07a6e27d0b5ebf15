package io.devopssim.mlgate.judge;

/** Which way a metric may not move (Kayenta's {@code direction}). */
public enum Direction {
    /** Only a rise is a failure: errors, latency, CPU. */
    INCREASE,
    /** Only a fall is a failure: throughput, success rate. */
    DECREASE,
    /** Either way is a failure. */
    EITHER;

    boolean catchesIncrease() {
        return this != DECREASE;
    }

    boolean catchesDecrease() {
        return this != INCREASE;
    }
}
