package io.devopssim.mlgate.forecast;

/**
 * How many replicas a version needs for its share of a forecast request rate.
 *
 * @param perReplicaRps requests per second one replica serves at its target utilisation
 * @param headroom      extra capacity on top of the forecast, e.g. 0.3 for 30 % (forecast error, bursts)
 * @param minReplicas   never fewer than this for a version that takes traffic (1: no cold start on a burst)
 */
public record ReplicaSizing(double perReplicaRps, double headroom, int minReplicas) {
    public ReplicaSizing {
        if (!(perReplicaRps > 0) || !(headroom >= 0) || minReplicas < 1 || !Double.isFinite(perReplicaRps)) {
            throw new IllegalArgumentException("invalid sizing: perReplicaRps " + perReplicaRps + ", headroom " + headroom
                    + ", minReplicas " + minReplicas);
        }
    }

    /**
     * Replicas for a version taking {@code weightPercent} of {@code forecastRps}: 0 at weight 0, otherwise
     * {@code ceil(forecast * weight / 100 * (1 + headroom) / perReplicaRps)}, at least {@code minReplicas}.
     */
    public int replicas(double forecastRps, int weightPercent) {
        if (!(forecastRps >= 0) || !Double.isFinite(forecastRps)) {
            throw new IllegalArgumentException("forecast must be a finite rate >= 0: " + forecastRps);
        }
        if (weightPercent < 0 || weightPercent > 100) {
            throw new IllegalArgumentException("weight must be 0..100: " + weightPercent);
        }
        if (weightPercent == 0) {
            return 0;
        }
        double needed = forecastRps * weightPercent / 100.0 * (1 + headroom) / perReplicaRps;
        // a rounding hair above a whole number (3.0000000001) is still that number of replicas
        long replicas = (long) Math.ceil(needed - 1e-9);
        return (int) Math.max(minReplicas, replicas);
    }

    /** Replicas of the canary and of the stable version for a canary weight, each sized for its own share. */
    public Split split(double forecastRps, int canaryWeightPercent) {
        return new Split(replicas(forecastRps, canaryWeightPercent), replicas(forecastRps, 100 - canaryWeightPercent));
    }

    /** Replica counts of one traffic split. */
    public record Split(int canary, int stable) {
    }
}
