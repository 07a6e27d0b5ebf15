package io.devopssim.multicloud;

/** Where the running wave is. */
public enum WaveStage {
    /** Checking its clusters' health, sizing them and starting their rollouts, one cluster per transition. */
    STARTING,
    /** Its clusters' rollouts are running, health checked every interval. */
    ROLLING_OUT,
    /** Every cluster still in the wave is promoted; it must stay healthy for the soak time. */
    SOAKING
}
