package io.devopssim.core.sim;

import java.time.Instant;
import java.util.SplittableRandom;

/**
 * The random numbers of one sample, seeded by a hash of everything the sample depends on. Each
 * sample gets its own generator, never a shared one, so a value does not depend on which queries ran
 * before it, in which order or on which thread. Uniforms and Gaussians are derived here from
 * {@link SplittableRandom#nextLong()}, whose algorithm is specified, rather than from JDK helpers
 * whose algorithms may change between releases: a seed gives the same fleet on every JDK.
 */
final class SampleRandom {
    /** Purposes, so that the samples of fetch() and the per-second counters use unrelated streams. */
    static final long SALT_SAMPLE = 0x5A4D504CL;
    static final long SALT_COUNTER = 0x434F554EL;
    static final long SALT_HISTOGRAM = 0x48495354L;

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private final SplittableRandom random;

    private SampleRandom(long seed) {
        this.random = new SplittableRandom(seed);
    }

    static SampleRandom of(long seed, Version version, Instant time, int canaryWeight, long salt) {
        long h = mix(seed);
        h = mix(h + GOLDEN_GAMMA * salt);
        h = mix(h + GOLDEN_GAMMA * (version.ordinal() + 1));
        h = mix(h + GOLDEN_GAMMA * time.getEpochSecond());
        h = mix(h + GOLDEN_GAMMA * time.getNano());
        h = mix(h + GOLDEN_GAMMA * (canaryWeight + 1));
        return new SampleRandom(h);
    }

    /** Uniform in [0, 1). */
    double uniform() {
        return (random.nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Standard normal, by Box-Muller. */
    double gaussian() {
        double u1 = 1 - uniform(); // (0, 1]: log(0) must not happen
        double u2 = uniform();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** Rounds up with probability equal to the fraction, so that the expected value is kept. */
    long stochasticRound(double x) {
        double floor = Math.floor(x);
        return (long) floor + (uniform() < x - floor ? 1 : 0);
    }

    /**
     * Failures among {@code n} requests that each fail with probability {@code p}. Exact while few
     * failures are expected, by summing geometric waiting times between failures (about {@code n*p}
     * draws, not {@code n}); the normal approximation beyond, where it is accurate.
     */
    long binomial(long n, double p) {
        if (n == 0 || p <= 0) {
            return 0;
        }
        if (p >= 1) {
            return n;
        }
        if (p > 0.5) {
            return n - binomial(n, 1 - p);
        }
        if (n * p > 50) {
            double k = Math.rint(n * p + Math.sqrt(n * p * (1 - p)) * gaussian());
            return (long) Math.max(0, Math.min(n, k));
        }
        double logQ = Math.log1p(-p);
        long failures = 0;
        long position = 0;
        while (true) {
            // requests up to and including the next failure: geometric with success probability p
            position += (long) Math.floor(Math.log(1 - uniform()) / logQ) + 1;
            if (position > n) {
                return failures;
            }
            failures++;
        }
    }

    /** Stafford's variant 13 of the MurmurHash3 finaliser, as SplitMix64 uses. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
