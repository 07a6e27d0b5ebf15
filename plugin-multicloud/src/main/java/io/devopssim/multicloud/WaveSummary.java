package io.devopssim.multicloud;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a run page and {@code devsim waves} show of a plan: one row per cluster and wave, in plan order. A view
 * model: the views only render it, the logic is here and tested here.
 *
 * @param planId  the plan's id
 * @param phase   where the plan is, in words ({@code succeeded}, {@code rolling back}, ...)
 * @param outcome why it ended as it did, or "" while it runs
 * @param rows    one per cluster of the plan
 */
public record WaveSummary(String planId, String phase, String outcome, List<Row> rows) {

    /**
     * @param wave     1-based position of the wave
     * @param waveName the wave's name
     * @param cluster  the cluster's name
     * @param cloud    its cloud, for display ({@code Amazon EKS}), or "?" when it left the registry
     * @param region   its region, or "?"
     * @param status   where it is, in words
     * @param tone     how the status reads: {@code ok}, {@code bad}, {@code busy} or {@code idle}
     * @param replicas the replicas its wave sized it to, or "" when not sized
     * @param health   its last health verdict, or "" before the first look
     * @param commits  the commits made for it, short ids with what they did, or ""
     * @param note     the last thing worth saying about it, or ""
     */
    public record Row(int wave, String waveName, String cluster, String cloud, String region, String status, String tone,
                      String replicas, String health, String commits, String note) {
    }

    public WaveSummary {
        rows = List.copyOf(rows);
    }

    /** From the saved state alone, which carries every cluster's wave, cloud and region. */
    public static WaveSummary of(WaveRunState state) {
        List<Row> rows = new ArrayList<>();
        for (ClusterRun c : state.clusters()) {
            rows.add(new Row(c.wave() + 1, orUnknown(c.waveName()), c.cluster(), orUnknown(c.cloud()), orUnknown(c.region()),
                    status(c.status(), state.phase()), tone(c.status(), state.phase()),
                    c.currentReplicas() == null ? "" : c.currentReplicas().toString(), c.health() == null ? "" : c.health().toLowerCase(Locale.ROOT),
                    commits(c), c.note() == null ? "" : c.note()));
        }
        return new WaveSummary(state.planId(), words(state.phase().name()), state.outcome() == null ? "" : state.outcome(), rows);
    }

    static String status(ClusterStatus status, PlanPhase plan) {
        return switch (status) {
            case PENDING -> plan.isTerminal() ? "not started" : "waiting for its wave";
            case SKIPPED -> "skipped (unhealthy)";
            default -> words(status.name());
        };
    }

    static String tone(ClusterStatus status, PlanPhase plan) {
        return switch (status) {
            case PROMOTED -> "ok";
            case NOT_PROMOTED, SKIPPED, ROLLED_BACK -> "bad";
            case PENDING -> plan.isTerminal() ? "idle" : "busy";
            default -> "busy";
        };
    }

    private static String commits(ClusterRun c) {
        List<String> parts = new ArrayList<>();
        if (c.replicasCommit() != null) {
            parts.add("sized " + WaveTimeline.shortId(c.replicasCommit()));
        }
        for (String resize : c.taken().commits()) {
            parts.add("resized " + WaveTimeline.shortId(resize));
        }
        if (c.promotionCommit() != null) {
            parts.add("promoted " + WaveTimeline.shortId(c.promotionCommit()));
        }
        if (c.failoverCommit() != null) {
            parts.add("traffic shifted " + WaveTimeline.shortId(c.failoverCommit()));
        }
        if (!c.reverts().isEmpty()) {
            parts.add("reverted in " + String.join(", ", c.reverts().stream().map(WaveTimeline::shortId).toList()));
        }
        return String.join("; ", parts);
    }

    private static String orUnknown(String s) {
        return s == null ? "?" : s;
    }

    private static String words(String constant) {
        return constant.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** The rows as a fixed-width text table, for the command line. */
    public String table() {
        String[] header = {"wave", "cluster", "cloud", "region", "status", "replicas", "health", "commits"};
        List<String[]> lines = new ArrayList<>();
        lines.add(header);
        for (Row r : rows) {
            lines.add(new String[] {r.wave() + " " + r.waveName(), r.cluster(), r.cloud(), r.region(), r.status(), r.replicas(),
                    r.health(), r.commits()});
        }
        int[] widths = new int[header.length];
        for (String[] l : lines) {
            for (int i = 0; i < l.length; i++) {
                widths[i] = Math.max(widths[i], l[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] l : lines) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < l.length; i++) {
                line.append(i == 0 ? "" : "  ").append(i == l.length - 1 ? l[i] : pad(l[i], widths[i]));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(width - s.length());
    }
}
