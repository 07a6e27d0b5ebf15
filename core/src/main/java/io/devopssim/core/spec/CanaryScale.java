package io.devopssim.core.spec;


import java.util.Locale;
import java.util.Objects;

/**
 * How many replicas the canary runs, apart from its traffic weight ({@code setCanaryScale}, as in Argo
 * Rollouts): a replica count, a percentage of the fleet's replicas, replicas sized for its share of the
 * service's forecast request rate, or none of these, which matches the traffic weight again (the default).
 *
 * @param replicas the canary's replicas, or null
 * @param weight   the canary's replicas as a percentage of the fleet's (rounded up), or null
 * @param forecast sized for its share of a forecast rate, or null
 */
public record CanaryScale(Integer replicas, Integer weight, Forecast forecast) {
    /** {@code setCanaryScale: {matchTrafficWeight: true}}: replicas follow the traffic weight. */
    public static final CanaryScale MATCH_TRAFFIC_WEIGHT = new CanaryScale(null, null, null);

    public CanaryScale {
        int given = (replicas != null ? 1 : 0) + (weight != null ? 1 : 0) + (forecast != null ? 1 : 0);
        if (given > 1) {
            throw new IllegalArgumentException("a canary scale is replicas, a weight or a forecast, not several");
        }
        if ((replicas != null && replicas < 0) || (weight != null && (weight < 0 || weight > 100))) {
            throw new IllegalArgumentException("replicas must be >= 0 and weight in 0..100: " + replicas + ", " + weight);
        }
    }

    public CanaryScale(Integer replicas, Integer weight) {
        this(replicas, weight, null);
    }

    public static CanaryScale replicas(int n) {
        return new CanaryScale(n, null, null);
    }

    public static CanaryScale weight(int percent) {
        return new CanaryScale(null, percent, null);
    }

    /** {@code setCanaryScale: {forecast: {...}}}: to be sized by {@code sizing} once the rate is forecast. */
    public static CanaryScale forecast(ReplicaSizing sizing) {
        return new CanaryScale(null, null, new Forecast(sizing, null));
    }

    public boolean matchesTrafficWeight() {
        return replicas == null && weight == null && forecast == null;
    }

    /** Whether the rate is still to be forecast: such a scale is resolved by {@link #forecastAt} before it is set. */
    public boolean needsForecast() {
        return forecast != null && forecast.requestsPerSecond() == null;
    }

    /** This scale sized for {@code requestsPerSecond}, the service's forecast rate. */
    public CanaryScale forecastAt(double requestsPerSecond) {
        if (forecast == null) {
            throw new IllegalStateException("not a forecast scale: " + describe());
        }
        return new CanaryScale(null, null, new Forecast(forecast.sizing(), requestsPerSecond));
    }

    /** The canary's pods in a fleet of {@code fleetPods} when it takes {@code trafficWeight}% of requests. */
    public int pods(int fleetPods, int trafficWeight) {
        if (replicas != null) {
            return replicas;
        }
        if (forecast != null) {
            if (forecast.requestsPerSecond() == null) {
                throw new IllegalStateException("the canary's scale waits for a forecast");
            }
            return forecast.sizing().replicas(forecast.requestsPerSecond(), trafficWeight);
        }
        int percent = weight != null ? weight : trafficWeight;
        return percent == 0 ? 0 : (int) Math.ceil(fleetPods * percent / 100.0);
    }

    /**
     * {@code 3 replicas}, {@code 20% of the replicas}, {@code replicas matching the traffic weight},
     * {@code replicas for its share of a forecast 400 req/s (50 req/s each, +25%, 1..20)}.
     */
    public String describe() {
        if (replicas != null) {
            return replicas + (replicas == 1 ? " replica" : " replicas");
        }
        if (forecast != null) {
            return forecast.describe();
        }
        return weight != null ? weight + "% of the replicas" : "replicas matching the traffic weight";
    }

    /**
     * Replicas sized for the canary's share of the service's forecast request rate.
     *
     * @param sizing            the rule: requests per replica, headroom, bounds
     * @param requestsPerSecond the forecast, or null until it is made
     */
    public record Forecast(ReplicaSizing sizing, Double requestsPerSecond) {
        public Forecast {
            Objects.requireNonNull(sizing, "sizing");
            if (requestsPerSecond != null && (!(requestsPerSecond >= 0) || requestsPerSecond.isInfinite())) {
                throw new IllegalArgumentException("a forecast rate is finite and >= 0: " + requestsPerSecond);
            }
        }

        String describe() {
            String rule = String.format(Locale.ROOT, "%s req/s each, +%s%%, %d..%d", number(sizing.requestsPerReplica()),
                    number(sizing.headroom() * 100), sizing.min(), sizing.max());
            return requestsPerSecond == null ? "replicas for its share of the forecast request rate (" + rule + ")"
                    : String.format(Locale.ROOT, "replicas for its share of a forecast %.0f req/s (%s)", requestsPerSecond, rule);
        }

        private static String number(double v) {
            return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
        }
    }
}
