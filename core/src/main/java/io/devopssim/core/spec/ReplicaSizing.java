package io.devopssim.core.spec;

/**
 * How many replicas serve a request rate: {@code ceil(rate * (1 + headroom) / requestsPerReplica)} within
 * {@code min..max}. Canary sizing (plugin-deploy) and wave sizing (plugin-multicloud) both use it.
 *
 * @param requestsPerReplica requests per second one replica serves at its target utilisation
 * @param headroom           extra capacity on top of the forecast, e.g. 0.25 for 25 % (forecast error, bursts)
 * @param min                never fewer than this for a version that takes traffic (1: no cold start on a burst)
 * @param max                never more than this
 */
public record ReplicaSizing(double requestsPerReplica, double headroom, int min, int max) {
    public static final double DEFAULT_HEADROOM = 0.25;

    public ReplicaSizing {
        if (!(requestsPerReplica > 0) || !Double.isFinite(requestsPerReplica) || !(headroom >= 0) || !Double.isFinite(headroom)
                || min < 1 || max < min) {
            throw new IllegalArgumentException("invalid sizing: requestsPerReplica " + requestsPerReplica + ", headroom "
                    + headroom + ", min " + min + ", max " + max);
        }
    }

    /** Replicas for {@code requestsPerSecond}. */
    public int replicas(double requestsPerSecond) {
        if (!(requestsPerSecond >= 0) || !Double.isFinite(requestsPerSecond)) {
            throw new IllegalArgumentException("a request rate must be finite and >= 0: " + requestsPerSecond);
        }
        double needed = requestsPerSecond * (1 + headroom) / requestsPerReplica;
        // a rounding hair above a whole number (3.0000000001) is still that number of replicas
        double replicas = Math.ceil(needed - 1e-9);
        return (int) Math.max(min, Math.min(max, replicas));
    }

    /** Replicas for a version taking {@code weightPercent} of {@code requestsPerSecond}: none at weight 0. */
    public int replicas(double requestsPerSecond, int weightPercent) {
        if (weightPercent < 0 || weightPercent > 100) {
            throw new IllegalArgumentException("weight must be 0..100: " + weightPercent);
        }
        if (weightPercent == 0) {
            replicas(requestsPerSecond); // still refuses an invalid rate
            return 0;
        }
        return replicas(requestsPerSecond * weightPercent / 100.0);
    }

    /** Replicas of the canary and of the stable version for a canary weight, each sized for its own share. */
    public Split split(double requestsPerSecond, int canaryWeightPercent) {
        return new Split(replicas(requestsPerSecond, canaryWeightPercent), replicas(requestsPerSecond, 100 - canaryWeightPercent));
    }

    /** Replica counts of one traffic split. */
    public record Split(int canary, int stable) {
    }
}
