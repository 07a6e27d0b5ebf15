package io.devopssim.cli.report;

import io.devopssim.core.model.Judgement;
import io.devopssim.core.model.MetricResult;
import io.devopssim.core.model.MetricStatus;
import io.devopssim.core.model.Verdict;
import io.devopssim.core.state.RolloutEvent;
import io.devopssim.core.state.RolloutEvent.Kind;
import io.devopssim.core.state.RolloutPhase;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HtmlReportTest {
    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
    private static final String PROMOTE = "3d1eac282687ac856439de396e659c9fdbcad2f7";
    private static final String UNKNOWN = "ffffffffffffffffffffffffffffffffffffffff";
    private static final List<String> SCRIPTS = List.of("window.echarts={};", "window.drawn=true;");

    private static RolloutReport rollout(String id, RolloutPhase phase, String outcome, String commit) {
        Judgement j = new Judgement(Verdict.PASSED, 97.6,
                List.of(new MetricResult("error_rate", 0.004, 0.005, "<= 0.02", 12, MetricStatus.PASS)), List.of("all <good>"));
        return new RolloutReport(id, "checkout", "ghcr.io/acme/checkout:1.5.0", phase, outcome, T0, T0.plusSeconds(180), List.of(
                new RolloutEvent(T0, 0, Kind.WEIGHT, "setWeight 10", 10, null, null),
                new RolloutEvent(T0, 1, Kind.ANALYSIS_STARTED, "watching", 10, null, null),
                new RolloutEvent(T0.plusSeconds(120), 1, Kind.ANALYSIS, "passed", 10, j, null),
                new RolloutEvent(T0.plusSeconds(180), -1, Kind.PROMOTED, "promoted <b>now</b>", 0, j, commit)),
                List.of(), "production");
    }

    private static String sha256(String s) throws Exception {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void thePolicyLetsOnlyTheInlinedScriptsRunByTheirHashAndLoadsNothing() throws Exception {
        Report report = new Report("r", T0, List.of(rollout("a", RolloutPhase.PROMOTED, null, PROMOTE)), List.of(), true);

        String html = new HtmlReport(report, SCRIPTS).render();

        assertThat(html).contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'sha256-"
                + sha256(SCRIPTS.get(0)) + "' 'sha256-" + sha256(SCRIPTS.get(1)) + "'; style-src 'unsafe-inline'; img-src data:;");
        assertThat(html).endsWith("<script>window.echarts={};</script><script>window.drawn=true;</script></body></html>");
        assertThat(html.indexOf("Content-Security-Policy")).isLessThan(html.indexOf("<title>"));
    }

    @Test
    void eachRolloutHasItsChartsItsBadgeAndItsReasonsAndUserTextIsEscaped() {
        Report report = new Report("<devsim>", T0, List.of(rollout("a", RolloutPhase.PROMOTED, null, PROMOTE)), List.of(), true);

        String html = new HtmlReport(report, SCRIPTS).render();

        assertThat(html).contains("<title>&lt;devsim&gt;</title>")
                .contains("aria-label=\"checkout production: promoted \u00B7 score 98\"")
                .contains("data-devsim-chart=\"{&quot;animation&quot;:false")
                .contains("Deciding analysis: <span class=\"pill PASSED\">PASSED</span>, score 97.6")
                .contains("<li>all &lt;good&gt;</li>")
                .contains("promoted &lt;b&gt;now&lt;/b&gt;")
                .doesNotContain("<b>now</b>");
        assertThat(html.split("class=\"devsim-chart\"", -1)).as("timeline and gate").hasSize(3);
    }

    @Test
    void aCommitLinksToTheHistoryOnlyWhenTheHistoryHasIt() {
        CommitLine promote = new CommitLine(PROMOTE, T0, "devsim", "Promote checkout to 1.5.0\n\nStep: promote\n",
                Map.of("Step", "promote"));
        Report withHistory = new Report("r", T0, List.of(rollout("a", RolloutPhase.PROMOTED, null, PROMOTE)), List.of(promote), true);
        Report without = new Report("r", T0, List.of(rollout("a", RolloutPhase.PROMOTED, null, UNKNOWN)), List.of(promote), true);

        assertThat(new HtmlReport(withHistory, SCRIPTS).render())
                .contains("<a href=\"#commit-" + PROMOTE + "\">3d1eac2826</a>").contains("<tr id=\"commit-" + PROMOTE + "\">");
        assertThat(new HtmlReport(without, SCRIPTS).render()).doesNotContain("href=\"#commit-" + UNKNOWN).contains("<code>ffffffffff</code>");
    }

    @Test
    void theSummaryGivesTheFirstReasonOnly() {
        RolloutReport rolledBack = rollout("b", RolloutPhase.ROLLED_BACK, "FAILED: error_rate is higher; latency is fine", null);

        assertThat(HtmlReport.why(rolledBack)).isEqualTo("FAILED: error_rate is higher (and more below)");
        assertThat(HtmlReport.why(rollout("a", RolloutPhase.PROMOTED, null, PROMOTE))).isEqualTo("every analysis passed");
    }

    @Test
    void aScriptThatWouldEndItsElementEarlyIsRefused() {
        Report report = new Report("r", T0, List.of(), List.of(), true);

        assertThatThrownBy(() -> new HtmlReport(report, List.of("var s='</SCRIPT>';"))).hasMessageContaining("</script");
    }
}
