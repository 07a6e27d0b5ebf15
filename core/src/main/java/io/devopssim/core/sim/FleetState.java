package io.devopssim.core.sim;

import io.devopssim.core.spec.CanaryScale;
import io.devopssim.core.spec.RegressionSpec;

import java.time.Instant;
import java.util.Objects;

/**
 * The traffic split, the canary's scale and its fault from {@code since} until the next change.
 *
 * @param since        when this state came into force
 * @param canaryWeight percentage of requests sent to the canary, 0..100
 * @param regression   what is wrong with the canary
 * @param canaryScale  the canary's replicas apart from its weight ({@code setCanaryScale}), or matching it
 */
public record FleetState(Instant since, int canaryWeight, RegressionSpec regression, CanaryScale canaryScale) {
    public FleetState {
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(regression, "regression");
        Objects.requireNonNull(canaryScale, "canaryScale");
        if (canaryWeight < 0 || canaryWeight > 100) {
            throw new IllegalArgumentException("canary weight must be in 0..100, was " + canaryWeight);
        }
    }

    /** Replicas that follow the traffic weight. */
    public FleetState(Instant since, int canaryWeight, RegressionSpec regression) {
        this(since, canaryWeight, regression, CanaryScale.MATCH_TRAFFIC_WEIGHT);
    }

    /** The version's share of requests, 0..1. */
    public double share(Version version) {
        int percent = version == Version.CANARY ? canaryWeight : 100 - canaryWeight;
        return percent / 100.0;
    }

    /**
     * Pods running the version. The canary gets {@code ceil(pods * weight / 100)} so that any weight
     * above zero has at least one pod; the stable version keeps the rest, but at least one pod while it
     * still takes traffic (a one-pod fleet at 10% runs two pods, as a traffic-routed canary would). A canary
     * scale set apart from the weight changes the canary's pods only, as in Argo Rollouts, where the stable
     * version keeps its replicas.
     */
    public int pods(Version version, int fleetPods) {
        int canaryPods = canaryWeight == 0 ? 0 : (int) Math.ceil(fleetPods * canaryWeight / 100.0);
        if (version == Version.CANARY) {
            // a scale set apart from the weight (setCanaryScale) decides, but a canary taking traffic runs a pod
            int scaled = canaryScale.pods(fleetPods, canaryWeight);
            return canaryWeight > 0 ? Math.max(1, scaled) : scaled;
        }
        return canaryWeight == 100 ? 0 : Math.max(1, fleetPods - canaryPods);
    }

    /** The regression that applies to the version: only the canary has one. */
    public RegressionSpec regressionOf(Version version) {
        return version == Version.CANARY ? regression : RegressionSpec.NONE;
    }

    FleetState withWeight(Instant at, int weight) {
        return new FleetState(at, weight, regression, canaryScale);
    }

    FleetState withRegression(Instant at, RegressionSpec newRegression) {
        return new FleetState(at, canaryWeight, newRegression, canaryScale);
    }

    FleetState withCanaryScale(Instant at, CanaryScale scale) {
        return new FleetState(at, canaryWeight, regression, scale);
    }

    FleetState since(Instant at) {
        return new FleetState(at, canaryWeight, regression, canaryScale);
    }
}
