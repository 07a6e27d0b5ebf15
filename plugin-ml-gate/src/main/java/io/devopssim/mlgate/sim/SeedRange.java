package io.devopssim.mlgate.sim;

/**
 * Simulator seeds {@code [first, first + count)}. Training and evaluation use disjoint ranges, so a model
 * is never measured on a window it has seen.
 */
public record SeedRange(long first, int count) {
    /** Seeds the bench and tests train on. */
    public static final SeedRange TRAINING = new SeedRange(1, 100_000);
    /** Seeds the bench evaluates on; far from {@link #TRAINING}. */
    public static final SeedRange EVALUATION = new SeedRange(1_000_000_000L, 100_000);

    public SeedRange {
        if (count < 1) {
            throw new IllegalArgumentException("count must be positive: " + count);
        }
    }

    public long seed(int index) {
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException("seed index " + index + " outside 0.." + (count - 1));
        }
        return first + index;
    }

    public boolean overlaps(SeedRange other) {
        return first < other.first + other.count && other.first < first + count;
    }
}
