package io.devopssim.cli.report;

import io.devopssim.core.chaos.ChaosResult;
import io.devopssim.core.model.Judgement;
import io.devopssim.core.model.MetricResult;
import io.devopssim.core.model.Numbers;
import io.devopssim.core.state.RolloutEvent;
import io.devopssim.core.state.RolloutPhase;
import io.devopssim.views.chart.Chart;
import io.devopssim.views.rollout.RolloutCharts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Renders a {@link Report} as one self-contained HTML page: the charts are drawn by Apache ECharts, inlined with
 * the chart adjunct, from options built by {@link RolloutCharts}. A Content-Security-Policy lets the page run
 * only those two scripts and load nothing at all, so it works from a file with no network and cannot call out.
 */
final class HtmlReport {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final String CSS = """
            :root{--fg:#1f2328;--muted:#57606a;--line:#d0d7de;--soft:#f6f8fa}
            body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;color:var(--fg);background:#fff}
            main{max-width:1120px;margin:0 auto;padding:1.5rem 1.5rem 3rem}
            h1{font-size:1.6rem;margin:.2rem 0 .4rem}h2{font-size:1.3rem;margin:0 0 .3rem;display:flex;gap:.6rem;align-items:center;flex-wrap:wrap}
            h3{font-size:1rem;margin:1.6rem 0 .5rem;color:var(--fg)}
            section.rollout{margin-top:2rem;padding-top:1.2rem;border-top:2px solid var(--line)}
            .muted{color:var(--muted)}.why{margin:.4rem 0 .8rem}
            table{border-collapse:collapse;width:100%;margin:.6rem 0;font-size:.88rem}
            th,td{border:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top}th{background:var(--soft)}
            .pill{display:inline-block;white-space:nowrap;padding:.12rem .6rem;border-radius:1rem;color:#fff;font-weight:600;font-size:.8rem}
            .PROMOTED,.PASSED,.PASS{background:#1a7f37}.ROLLED_BACK,.ABORTED,.FAILED,.HIGH,.LOW{background:#cf222e}
            .PAUSED,.INCONCLUSIVE,.NO_DATA{background:#9a6700}.other,.ERROR{background:#57606a}
            .card{border:1px solid #eaeef2;border-radius:6px;padding:.6rem .7rem .2rem;margin:.6rem 0;background:#fff}
            .grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(480px,1fr));gap:0 1rem}
            .devsim-chart{width:100%;min-height:50px}
            ul.reasons{margin:.3rem 0 .6rem;padding-left:1.2rem}ul.reasons li{margin:.15rem 0}
            details{margin:1rem 0}summary{cursor:pointer;font-weight:600}
            code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.84rem}
            .ok{color:#1a7f37}.bad{color:#cf222e}.t{white-space:nowrap;font-family:ui-monospace,monospace}
            .badge svg{vertical-align:middle}
            """;

    private final Report report;
    private final List<String> scripts;

    /** @param scripts the chart scripts to inline, in order (ECharts, then the chart adjunct) */
    HtmlReport(Report report, List<String> scripts) {
        this.report = report;
        this.scripts = List.copyOf(scripts);
        for (String s : this.scripts) {
            if (s.toLowerCase(Locale.ROOT).contains("</script")) {
                throw new IllegalArgumentException("a script to inline contains </script and would end its element early");
            }
        }
    }

    String render() {
        StringBuilder h = new StringBuilder(2_000_000);
        h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(contentSecurityPolicy()).append("\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(Html.escape(report.title())).append("</title><style>").append(CSS)
                .append("</style></head><body><main>");
        h.append("<h1>").append(Html.escape(report.title())).append("</h1>");
        h.append("<p class=\"muted\">Generated ").append(TIME.format(report.generatedAt())).append(". Result: ")
                .append(report.success() ? "<strong class=\"ok\">behaved as expected</strong>"
                        : "<strong class=\"bad\">did not behave as expected</strong>")
                .append(".</p>");
        summary(h);
        for (RolloutReport r : report.rollouts()) {
            rollout(h, r);
        }
        commits(h);
        h.append("</main>");
        for (String script : scripts) {
            h.append("<script>").append(script).append("</script>");
        }
        return h.append("</body></html>").toString();
    }

    /** Only the inlined scripts may run (by hash); nothing may be fetched or submitted. */
    String contentSecurityPolicy() {
        String hashes = scripts.stream().map(HtmlReport::sha256).map(b -> "'sha256-" + b + "'").collect(Collectors.joining(" "));
        return "default-src 'none'; script-src " + hashes + "; style-src 'unsafe-inline'; img-src data:;"
                + " base-uri 'none'; form-action 'none'";
    }

    private void summary(StringBuilder h) {
        h.append("<table><tr><th>Rollout</th><th>Release</th><th>Environment</th><th>Status</th><th>Why</th></tr>");
        for (RolloutReport r : report.rollouts()) {
            h.append("<tr><td><a href=\"#").append(Html.escape(anchor(r))).append("\">")
                    .append(Html.escape(r.rolloutId())).append("</a></td><td><code>").append(Html.escape(r.image()))
                    .append("</code></td><td>").append(Html.escape(r.environment())).append("</td><td class=\"badge\">")
                    .append(Badges.of(r).badge().svg()).append("</td><td>")
                    .append(Html.escape(why(r))).append("</td></tr>");
        }
        h.append("</table>");
    }

    /** The outcome's first reason: the rest is in the rollout's section. */
    static String why(RolloutReport r) {
        if (r.outcome() == null) {
            return r.phase() == RolloutPhase.PROMOTED ? "every analysis passed" : "";
        }
        int more = r.outcome().indexOf("; ");
        return more < 0 ? r.outcome() : r.outcome().substring(0, more) + " (and more below)";
    }

    private void rollout(StringBuilder h, RolloutReport r) {
        RolloutCharts charts = new RolloutCharts(r.events(), r.series());
        h.append("<section class=\"rollout\" id=\"").append(Html.escape(anchor(r))).append("\">");
        h.append("<h2>").append(Html.escape(r.app())).append(" <code>").append(Html.escape(r.image())).append("</code> ")
                .append(pill(r.phase().name(), r.phase().name().replace('_', ' ').toLowerCase(Locale.ROOT))).append("</h2>");
        h.append("<p class=\"muted\">Rollout <code>").append(Html.escape(r.rolloutId())).append("</code> in ")
                .append(Html.escape(r.environment())).append(", simulated time ").append(TIME.format(r.started()))
                .append(" to ").append(CLOCK.format(r.ended())).append(" UTC (")
                .append(Duration.between(r.started(), r.ended()).toMinutes()).append(" min).</p>");
        if (r.outcome() != null) {
            h.append("<p class=\"why\">").append(Html.escape(r.outcome())).append("</p>");
        }
        card(h, charts.timeline());
        if (!r.series().isEmpty()) {
            h.append("<h3>Canary against baseline</h3><div class=\"grid\">");
            charts.metrics().forEach(c -> card(h, c));
            h.append("</div>");
        }
        charts.gate().ifPresent(gate -> {
            h.append("<h3>Gate</h3>");
            card(h, gate);
            charts.decidingJudgement().ifPresent(j -> reasons(h, j));
        });
        List<Chart> chaos = charts.chaos();
        if (!chaos.isEmpty()) {
            h.append("<h3>Chaos</h3>");
            for (RolloutEvent e : r.events()) {
                if (e.chaos() != null) {
                    h.append("<p>").append(Html.escape(chaosLine(e.chaos()))).append("</p>");
                }
            }
            h.append("<div class=\"grid\">");
            chaos.forEach(c -> card(h, c));
            h.append("</div>");
        }
        events(h, r);
        h.append("</section>");
    }

    private static void card(StringBuilder h, Chart chart) {
        h.append("<div class=\"card\">").append(chart.html()).append("</div>");
    }

    private static void reasons(StringBuilder h, Judgement j) {
        h.append("<p>Deciding analysis: ").append(pill(j.verdict().name(), j.verdict().name())).append(", score ")
                .append(String.format(Locale.ROOT, "%.1f", j.score())).append(". Why:</p><ul class=\"reasons\">");
        for (String reason : j.reasons()) {
            h.append("<li>").append(Html.escape(reason)).append("</li>");
        }
        h.append("</ul>");
    }

    private static String chaosLine(ChaosResult c) {
        return c.experimentId() + ": " + c.outcome() + ", hypothesis " + (c.hypothesisHeld() ? "held" : "did not hold")
                + ", time to recover " + (c.timeToRecover() == null ? "none (not recovered)" : c.timeToRecover().toSeconds() + " s")
                + ", error budget burned " + Math.round(c.errorBudgetBurned() * 100) + "%.";
    }

    private void events(StringBuilder h, RolloutReport r) {
        Set<String> known = report.commits().stream().map(CommitLine::id).collect(Collectors.toSet());
        h.append("<details><summary>Every event (").append(r.events().size()).append(")</summary>")
                .append("<table><tr><th>Time (UTC)</th><th>Traffic</th><th>Event</th></tr>");
        for (RolloutEvent e : r.events()) {
            h.append("<tr><td class=\"t\">").append(CLOCK.format(e.time())).append("</td><td>").append(e.weight())
                    .append("%</td><td>").append(Html.escape(e.message()));
            if (e.commitId() != null) {
                String shortId = Html.escape(e.commitId().substring(0, Math.min(10, e.commitId().length())));
                h.append(" <code>");
                if (known.contains(e.commitId())) {
                    h.append("<a href=\"#commit-").append(Html.escape(e.commitId())).append("\">").append(shortId).append("</a>");
                } else {
                    h.append(shortId);
                }
                h.append("</code>");
            }
            if (e.judgement() != null) {
                judgement(h, e.judgement());
            }
            h.append("</td></tr>");
        }
        h.append("</table></details>");
    }

    private static void judgement(StringBuilder h, Judgement j) {
        h.append("<table><tr><th>Metric</th><th>Canary</th><th>Baseline</th><th>Criterion</th><th>Samples</th><th>Status</th></tr>");
        for (MetricResult m : j.metrics()) {
            h.append("<tr><td>").append(Html.escape(m.metric())).append("</td><td>").append(Numbers.format(m.canary()))
                    .append("</td><td>").append(Numbers.format(m.baseline())).append("</td><td>")
                    .append(Html.escape(m.criterion())).append("</td><td>").append(m.samples())
                    .append("</td><td>").append(pill(m.status().name(), m.status().name())).append("</td></tr>");
        }
        h.append("</table>");
    }

    private void commits(StringBuilder h) {
        if (report.commits().isEmpty()) {
            return;
        }
        h.append("<section class=\"rollout\"><h2>Environment repository history</h2>")
                .append("<table><tr><th>Commit</th><th>Time</th><th>Message</th><th>Trailers</th></tr>");
        for (CommitLine c : report.commits()) {
            h.append("<tr id=\"commit-").append(Html.escape(c.id())).append("\"><td><code>")
                    .append(Html.escape(c.id().substring(0, Math.min(10, c.id().length()))))
                    .append("</code></td><td class=\"t\">").append(TIME.format(c.time())).append("</td><td>")
                    .append(Html.escape(c.message().lines().findFirst().orElse(""))).append("</td><td>");
            for (Map.Entry<String, String> t : c.trailers().entrySet()) {
                h.append("<code>").append(Html.escape(t.getKey())).append(": ").append(Html.escape(t.getValue()))
                        .append("</code><br>");
            }
            h.append("</td></tr>");
        }
        h.append("</table></section>");
    }

    private static String anchor(RolloutReport r) {
        return "rollout-" + r.rolloutId();
    }

    private static String pill(String cssClass, String text) {
        String cls = switch (cssClass) {
            case "PROMOTED", "ROLLED_BACK", "ABORTED", "FAILED", "PAUSED", "PASSED", "INCONCLUSIVE", "ERROR",
                 "PASS", "HIGH", "LOW", "NO_DATA" -> cssClass;
            default -> "other";
        };
        return "<span class=\"pill " + cls + "\">" + Html.escape(text) + "</span>";
    }

    private static String sha256(String script) {
        try {
            return Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

}
