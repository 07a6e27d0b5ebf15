package io.devopssim.core.gitops;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long to wait after a lost push race: exponential from a unit, capped, with full jitter (uniform
 * from zero). Without jitter, promoters that lost the same race retry together and lose again (4 threads x
 * 25 promotions needed 100+ retries, and one gave up).
 *
 * <p>The unit is {@code base}, or the time the lost attempt took if that was longer: jitter only spreads
 * the losers over different rounds when its range is comparable to one round (fetch, edit, push). On a busy
 * machine a round takes hundreds of milliseconds, and 20 ms of jitter would leave them in lockstep.
 */
record Backoff(Duration base, Duration cap) {

    long delayMillis(int attempt, long lastAttemptMillis) {
        long unit = Math.max(base.toMillis(), lastAttemptMillis);
        long ceiling = Math.max(1, Math.min(cap.toMillis(), unit << Math.min(attempt - 1, 20)));
        return ThreadLocalRandom.current().nextLong(ceiling + 1);
    }
}
