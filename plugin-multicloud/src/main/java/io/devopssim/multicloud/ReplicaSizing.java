package io.devopssim.multicloud;

import io.devopssim.core.gitops.ValueLocator;

/**
 * How a wave sizes its clusters before its canaries start: replicas for the forecast peak load over the wave,
 * committed to each cluster's manifest. The arithmetic is core's {@link io.devopssim.core.spec.ReplicaSizing}.
 *
 * @param locator            where the replica count is, in the same manifest as the image
 * @param requestsPerReplica what one replica serves at its target utilisation
 * @param headroom           extra capacity over the forecast peak (0.25 = 25%)
 * @param min                fewest replicas
 * @param max                most replicas
 */
public record ReplicaSizing(ValueLocator locator, double requestsPerReplica, double headroom, int min, int max) {
    public static final double DEFAULT_HEADROOM = io.devopssim.core.spec.ReplicaSizing.DEFAULT_HEADROOM;
    public static final int DEFAULT_MIN = 2;
    public static final int DEFAULT_MAX = 100;

    /** Replicas for a forecast: {@code ceil(peak * (1 + headroom) / requestsPerReplica)} within {@code min..max}. */
    public int replicasFor(LoadForecast forecast) {
        return rule().replicas(forecast.peakRequestsPerSecond());
    }

    /** The arithmetic, core's, which canary sizing shares. */
    public io.devopssim.core.spec.ReplicaSizing rule() {
        return new io.devopssim.core.spec.ReplicaSizing(requestsPerReplica, headroom, min, max);
    }
}
