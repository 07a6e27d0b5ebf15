package io.devopssim.core.sim;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Renders a {@link FleetSnapshot} in the Prometheus text exposition format 0.0.4. Names follow
 * Prometheus' conventions (base units, {@code _total} for counters, a histogram for latency) so that
 * the same PromQL works against this endpoint and against a real service.
 */
public final class PrometheusExposition {
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final String app;

    public PrometheusExposition(String app) {
        this.app = Objects.requireNonNull(app, "app");
    }

    public String render(FleetSnapshot snapshot) {
        StringBuilder out = new StringBuilder(4_096);
        family(out, "devsim_requests_total", "counter", "Requests served by the version since the simulator started.");
        for (Version v : Version.values()) {
            line(out, "devsim_requests_total", labels(v), Long.toString(totals(snapshot, v).requests()));
        }
        family(out, "devsim_request_errors_total", "counter", "Requests the version failed since the simulator started.");
        for (Version v : Version.values()) {
            line(out, "devsim_request_errors_total", labels(v), Long.toString(totals(snapshot, v).errors()));
        }
        family(out, "devsim_request_duration_seconds", "histogram", "Time the version took to serve a request.");
        for (Version v : Version.values()) {
            histogram(out, labels(v), totals(snapshot, v));
        }
        family(out, "devsim_cpu_cores", "gauge", "CPU used per pod of the version (mean over its pods), in cores.");
        for (Version v : Version.values()) {
            snapshot.versions().get(v).sample().ifPresent(s ->
                    line(out, "devsim_cpu_cores", labels(v), number(s.cpuCoresPerPod())));
        }
        family(out, "devsim_memory_bytes", "gauge", "Resident memory per pod of the version (mean over its pods), in bytes.");
        for (Version v : Version.values()) {
            snapshot.versions().get(v).sample().ifPresent(s ->
                    line(out, "devsim_memory_bytes", labels(v), number(Math.rint(s.memoryMibPerPod() * 1_048_576))));
        }
        family(out, "devsim_pods", "gauge", "Pods running the version.");
        for (Version v : Version.values()) {
            line(out, "devsim_pods", labels(v), Integer.toString(snapshot.versions().get(v).pods()));
        }
        family(out, "devsim_canary_weight", "gauge", "Percentage of requests routed to the canary, 0 to 100.");
        line(out, "devsim_canary_weight", "app=\"" + escape(app) + "\"", Integer.toString(snapshot.canaryWeight()));
        return out.toString();
    }

    private void histogram(StringBuilder out, String labels, TrafficTotals totals) {
        List<Double> bounds = TrafficTotals.BUCKET_BOUNDS_SECONDS;
        for (int i = 0; i < bounds.size(); i++) {
            line(out, "devsim_request_duration_seconds_bucket", labels + ",le=\"" + number(bounds.get(i)) + "\"",
                    Long.toString(totals.latencyBuckets().get(i)));
        }
        line(out, "devsim_request_duration_seconds_bucket", labels + ",le=\"+Inf\"", Long.toString(totals.requests()));
        line(out, "devsim_request_duration_seconds_sum", labels, number(totals.latencySumSeconds()));
        line(out, "devsim_request_duration_seconds_count", labels, Long.toString(totals.requests()));
    }

    private static TrafficTotals totals(FleetSnapshot snapshot, Version version) {
        return snapshot.versions().get(version).totals();
    }

    private String labels(Version version) {
        return "app=\"" + escape(app) + "\",version=\"" + version.label() + "\",track=\"" + version.track() + "\"";
    }

    private static void family(StringBuilder out, String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static void line(StringBuilder out, String name, String labels, String value) {
        out.append(name).append('{').append(labels).append("} ").append(value).append('\n');
    }

    /**
     * A number in the syntax Prometheus parses (Go's): whole numbers as integers, others in Java's
     * shortest form, the specials spelled as Go does.
     */
    static String number(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value); // whole numbers of bytes read better without an exponent
        }
        return Double.toString(value).toLowerCase(Locale.ROOT);
    }

    /** Label values escape backslash, double quote and line feed, and nothing else. */
    static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
