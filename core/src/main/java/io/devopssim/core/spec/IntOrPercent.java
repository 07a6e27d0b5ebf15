package io.devopssim.core.spec;

/**
 * A count of replicas written as an integer or as a percentage of the replicas, as Kubernetes'
 * {@code maxSurge} and {@code maxUnavailable}.
 *
 * @param value   the integer, or the percentage
 * @param percent whether {@code value} is a percentage
 */
public record IntOrPercent(int value, boolean percent) {
    public static final IntOrPercent QUARTER = new IntOrPercent(25, true);

    public IntOrPercent {
        if (value < 0 || (percent && value > 100)) {
            throw new IllegalArgumentException("a replica count must be >= 0 and a percentage at most 100%: " + value);
        }
    }

    /** The replicas it means out of {@code replicas}; a percentage is rounded up or down as asked (Kubernetes rounds a surge up and an unavailability down). */
    public int of(int replicas, boolean roundUp) {
        if (!percent) {
            return value;
        }
        return roundUp ? (int) Math.ceil(replicas * value / 100.0) : (int) Math.floor(replicas * value / 100.0);
    }

    @Override
    public String toString() {
        return percent ? value + "%" : Integer.toString(value);
    }
}
