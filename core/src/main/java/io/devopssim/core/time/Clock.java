package io.devopssim.core.time;

import java.time.Instant;

/**
 * Port: what time it is. Real time in Jenkins and against real clusters; simulated time in the
 * simulator and in tests, so that a 30-minute canary runs in milliseconds.
 */
@FunctionalInterface
public interface Clock {
    Instant now();

    static Clock system() {
        return Instant::now;
    }
}
