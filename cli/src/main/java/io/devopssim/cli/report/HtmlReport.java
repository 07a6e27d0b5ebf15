package io.devopssim.cli.report;

import io.devopssim.core.metrics.CanaryBaseline;
import io.devopssim.core.metrics.Sample;
import io.devopssim.core.model.MetricResult;
import io.devopssim.core.model.Numbers;
import io.devopssim.core.state.RolloutEvent;
import io.devopssim.core.state.RolloutPhase;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Renders a {@link Report} as one readable, self-contained HTML page. */
final class HtmlReport {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final String CSS = """
            body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2rem auto;max-width:960px;color:#1f2328;padding:0 1rem}
            h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2.5rem;border-bottom:1px solid #d0d7de;padding-bottom:.3rem}
            table{border-collapse:collapse;width:100%;margin:.8rem 0;font-size:.9rem}
            th,td{border:1px solid #d0d7de;padding:.3rem .5rem;text-align:left;vertical-align:top}th{background:#f6f8fa}
            .badge{display:inline-block;white-space:nowrap;padding:.15rem .6rem;border-radius:1rem;color:#fff;font-weight:600;font-size:.85rem}
            .PROMOTED{background:#1a7f37}.ROLLED_BACK,.ABORTED{background:#9a6700}.FAILED{background:#cf222e}.other{background:#57606a}
            .PASS{color:#1a7f37}.HIGH,.LOW{color:#cf222e;font-weight:600}.NO_DATA{color:#9a6700}
            .chart{width:100%;height:auto;background:#fbfbfc;border:1px solid #eaeef2;margin:.4rem 0}
            .chart .grid{stroke:#eaeef2}.chart .ax{font-size:11px;fill:#57606a}.chart .ct{font-size:12px;font-weight:600}
            code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.85rem}pre{background:#f6f8fa;padding:.6rem;overflow:auto}
            .ok{color:#1a7f37}.bad{color:#cf222e}.t{white-space:nowrap;font-family:ui-monospace,monospace}
            """;

    private final Report report;

    HtmlReport(Report report) {
        this.report = report;
    }

    String render() {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(Html.escape(report.title())).append("</title><style>").append(CSS).append("</style></head><body>");
        h.append("<h1>").append(Html.escape(report.title())).append("</h1>");
        h.append("<p>Generated ").append(TIME.format(report.generatedAt())).append(". Result: ")
                .append(report.success() ? "<strong class=\"ok\">behaved as expected</strong>"
                        : "<strong class=\"bad\">did not behave as expected</strong>")
                .append("</p>");
        h.append("<table><tr><th>Rollout</th><th>Release</th><th>Outcome</th><th>Why</th></tr>");
        for (RolloutReport r : report.rollouts()) {
            h.append("<tr><td><a href=\"#").append(Html.escape(r.rolloutId())).append("\">")
                    .append(Html.escape(r.rolloutId())).append("</a></td><td><code>").append(Html.escape(r.image()))
                    .append("</code></td><td>").append(badge(r.phase())).append("</td><td>")
                    .append(Html.escape(r.outcome() == null ? "every analysis passed" : r.outcome())).append("</td></tr>");
        }
        h.append("</table>");
        for (RolloutReport r : report.rollouts()) {
            rollout(h, r);
        }
        commits(h);
        return h.append("</body></html>").toString();
    }

    private void rollout(StringBuilder h, RolloutReport r) {
        h.append("<h2 id=\"").append(Html.escape(r.rolloutId())).append("\">").append(Html.escape(r.app())).append(' ')
                .append("<code>").append(Html.escape(r.image())).append("</code> ").append(badge(r.phase())).append("</h2>");
        h.append("<p>Simulated time ").append(TIME.format(r.started())).append(" to ").append(TIME.format(r.ended()))
                .append(" (").append(Duration.between(r.started(), r.ended()).toMinutes()).append(" min).</p>");
        h.append(weightChart(r).render());
        for (CanaryBaseline s : r.series()) {
            h.append(new SvgChart(s.metric() + ": canary vs baseline", "mm:ss")
                    .line(new SvgChart.Line("baseline", "#0969da", false, points(s.baseline())))
                    .line(new SvgChart.Line("canary", "#cf222e", false, points(s.canary())))
                    .render());
        }
        h.append("<table><tr><th>Time (UTC)</th><th>Weight</th><th>Event</th></tr>");
        for (RolloutEvent e : r.events()) {
            h.append("<tr><td class=\"t\">").append(CLOCK.format(e.time())).append("</td><td>").append(e.weight()).append("%</td><td>")
                    .append(Html.escape(e.message()));
            if (e.judgement() != null) {
                judgement(h, e);
            }
            h.append("</td></tr>");
        }
        h.append("</table>");
    }

    private static void judgement(StringBuilder h, RolloutEvent e) {
        h.append("<table><tr><th>Metric</th><th>Canary</th><th>Baseline</th><th>Criterion</th><th>Samples</th><th>Status</th></tr>");
        for (MetricResult m : e.judgement().metrics()) {
            h.append("<tr><td>").append(Html.escape(m.metric())).append("</td><td>").append(Numbers.format(m.canary()))
                    .append("</td><td>").append(Numbers.format(m.baseline())).append("</td><td>")
                    .append(Html.escape(m.criterion())).append("</td><td>").append(m.samples())
                    .append("</td><td class=\"").append(m.status()).append("\">").append(m.status()).append("</td></tr>");
        }
        h.append("</table>");
    }

    private static SvgChart weightChart(RolloutReport r) {
        List<SvgChart.Point> pts = new ArrayList<>();
        for (RolloutEvent e : r.events()) {
            pts.add(new SvgChart.Point(e.time(), e.weight()));
        }
        return new SvgChart("canary weight (%)", "mm:ss").line(new SvgChart.Line("weight", "#8250df", true, pts));
    }

    private static List<SvgChart.Point> points(List<Sample> samples) {
        return samples.stream().map(s -> new SvgChart.Point(s.time(), s.value())).toList();
    }

    private void commits(StringBuilder h) {
        h.append("<h2>Environment repository history</h2><table><tr><th>Commit</th><th>Time</th><th>Message</th><th>Trailers</th></tr>");
        for (CommitLine c : report.commits()) {
            h.append("<tr><td><code>").append(Html.escape(c.id().substring(0, Math.min(10, c.id().length()))))
                    .append("</code></td><td>").append(TIME.format(c.time())).append("</td><td>")
                    .append(Html.escape(c.message().lines().findFirst().orElse(""))).append("</td><td>");
            for (Map.Entry<String, String> t : c.trailers().entrySet()) {
                h.append("<code>").append(Html.escape(t.getKey())).append(": ").append(Html.escape(t.getValue()))
                        .append("</code><br>");
            }
            h.append("</td></tr>");
        }
        h.append("</table>");
    }

    private static String badge(RolloutPhase p) {
        String cls = switch (p) {
            case PROMOTED, ROLLED_BACK, ABORTED, FAILED -> p.name();
            default -> "other";
        };
        return "<span class=\"badge " + cls + "\">" + p.name().replace('_', ' ').toLowerCase(java.util.Locale.ROOT) + "</span>";
    }

}
