package io.devopssim.deploy.routing;

/**
 * How many replicas the stable and canary Deployments get for a canary weight. Without a traffic
 * router a Service spreads requests evenly over ready pods, so the replica ratio is the weight, only
 * as fine as {@code 1/total}.
 */
public record ReplicaSplit(int stable, int canary) {

    public ReplicaSplit {
        if (stable < 0 || canary < 0) {
            throw new IllegalArgumentException("replicas must not be negative: stable=" + stable + " canary=" + canary);
        }
    }

    /**
     * Canary replicas are {@code ceil(total * weight / 100)}, so any positive weight runs at least one
     * canary pod; stable keeps at least one pod while the weight is below 100, so a canary step never
     * takes the stable version out of service.
     */
    public static ReplicaSplit forWeight(int total, int weight) {
        if (total < 1) {
            throw new IllegalArgumentException("total replicas must be at least 1, was " + total);
        }
        Weights.check(weight);
        if (weight == 0) {
            return new ReplicaSplit(total, 0);
        }
        if (weight == 100) {
            return new ReplicaSplit(0, total);
        }
        int canary = Math.min((total * weight + 99) / 100, total - 1);
        return new ReplicaSplit(total - canary, canary);
    }

    /** The weight these replicas carry, rounded to the nearest percent; 0 when nothing runs. */
    public int weight() {
        int total = stable + canary;
        return total == 0 ? 0 : Math.round(canary * 100f / total);
    }
}
