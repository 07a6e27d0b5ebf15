package io.devopssim.core.spec;

/**
 * How many replicas the canary runs, apart from its traffic weight ({@code setCanaryScale}, as in Argo
 * Rollouts): a replica count, a percentage of the fleet's replicas, or neither, which matches the traffic
 * weight again (the default).
 *
 * @param replicas the canary's replicas, or null
 * @param weight   the canary's replicas as a percentage of the fleet's (rounded up), or null
 */
public record CanaryScale(Integer replicas, Integer weight) {
    /** {@code setCanaryScale: {matchTrafficWeight: true}}: replicas follow the traffic weight. */
    public static final CanaryScale MATCH_TRAFFIC_WEIGHT = new CanaryScale(null, null);

    public CanaryScale {
        if (replicas != null && weight != null) {
            throw new IllegalArgumentException("a canary scale is replicas or a weight, not both");
        }
        if ((replicas != null && replicas < 0) || (weight != null && (weight < 0 || weight > 100))) {
            throw new IllegalArgumentException("replicas must be >= 0 and weight in 0..100: " + replicas + ", " + weight);
        }
    }

    public static CanaryScale replicas(int n) {
        return new CanaryScale(n, null);
    }

    public static CanaryScale weight(int percent) {
        return new CanaryScale(null, percent);
    }

    public boolean matchesTrafficWeight() {
        return replicas == null && weight == null;
    }

    /** The canary's pods in a fleet of {@code fleetPods} when it takes {@code trafficWeight}% of requests. */
    public int pods(int fleetPods, int trafficWeight) {
        if (replicas != null) {
            return replicas;
        }
        int percent = weight != null ? weight : trafficWeight;
        return percent == 0 ? 0 : (int) Math.ceil(fleetPods * percent / 100.0);
    }

    /** {@code 3 replicas}, {@code 20% of the replicas}, {@code replicas matching the traffic weight}. */
    public String describe() {
        if (replicas != null) {
            return replicas + (replicas == 1 ? " replica" : " replicas");
        }
        return weight != null ? weight + "% of the replicas" : "replicas matching the traffic weight";
    }
}
