package io.devopssim.multicloud;

import java.time.Instant;

/** What one transition of a wave plan did: a new (saved) state, or nothing until {@code wake}. */
record WaveStep(WaveRunState state, Instant wake) {
    static WaveStep progress(WaveRunState state) {
        return new WaveStep(state, null);
    }

    static WaveStep waitUntil(Instant wake) {
        return new WaveStep(null, wake);
    }

    static Instant earliest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }
}
