package io.devopssim.deploy.view;

import com.fasterxml.jackson.databind.JsonNode;
import io.devopssim.core.chaos.ChaosResult;
import io.devopssim.core.model.Judgement;
import io.devopssim.core.model.MetricResult;
import io.devopssim.core.model.MetricStatus;
import io.devopssim.core.model.Verdict;
import io.devopssim.core.state.Json;
import io.devopssim.core.state.RolloutEvent;
import io.devopssim.core.state.RolloutEvent.Kind;
import io.devopssim.core.state.RolloutPhase;
import io.devopssim.core.state.RolloutState;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RolloutViewTest {
    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
    private static final String PROMOTE = "0123456789abcdef0123456789abcdef01234567";
    private static final RolloutSubject SUBJECT = new RolloutSubject("canaryRollout", "checkout-1.5.0-b7", "checkout 1.5.0",
            "https://git.example/platform/env.git");

    private static Judgement judgement(Verdict verdict, double score, double canaryErrors, double baselineErrors) {
        return new Judgement(verdict, score, List.of(
                new MetricResult("error_rate", canaryErrors, baselineErrors, "<= 0.02", 12,
                        verdict == Verdict.PASSED ? MetricStatus.PASS : MetricStatus.HIGH),
                new MetricResult("latency_p99_ms", 130.0, Double.NaN, "<= 1.5x baseline", 12, MetricStatus.NO_DATA)),
                List.of("error_rate canary " + canaryErrors));
    }

    private static RolloutState promoted() {
        RolloutState s = RolloutState.initial(SUBJECT.rolloutId(), "d", "1.4.2");
        s = s.withEvent(new RolloutEvent(T0, -1, Kind.STARTED, "rolling out", 0, null, null));
        s = s.withEvent(new RolloutEvent(T0, 0, Kind.WEIGHT, "step 1/4 setWeight 10", 10, null, null));
        s = s.withEvent(new RolloutEvent(T0.plusSeconds(120), 1, Kind.ANALYSIS, "step 2/4 analysis", 10,
                judgement(Verdict.PASSED, 100.0, 0.004, 0.005), null));
        s = s.withEvent(new RolloutEvent(T0.plusSeconds(120), 2, Kind.WEIGHT, "step 3/4 setWeight 50", 50, null, null));
        s = s.withEvent(new RolloutEvent(T0.plusSeconds(240), 3, Kind.ANALYSIS, "step 4/4 analysis", 50,
                judgement(Verdict.PASSED, 97.5, 0.006, 0.005), null));
        s = s.withEvent(new RolloutEvent(T0.plusSeconds(241), -1, Kind.PROMOTED, "promoted in commit 01234567", 0,
                judgement(Verdict.PASSED, 97.5, 0.006, 0.005), PROMOTE));
        return s.withPhase(RolloutPhase.PROMOTED);
    }

    @Test
    @DisplayName("the timeline has every event with its offset, step, weight, verdict, score and commit link")
    void shouldBuildTheTimeline() {
        RolloutView v = RolloutView.of(SUBJECT, promoted());

        assertThat(v.timeline()).extracting(TimelinePoint::kind)
                .containsExactly("STARTED", "WEIGHT", "ANALYSIS", "WEIGHT", "ANALYSIS", "PROMOTED");
        assertThat(v.timeline()).extracting(TimelinePoint::weight).containsExactly(0, 10, 10, 50, 50, 0);
        assertThat(v.timeline()).extracting(TimelinePoint::offsetSeconds).containsExactly(0L, 0L, 120L, 120L, 240L, 241L);
        assertThat(v.timeline()).extracting(TimelinePoint::step).containsExactly(null, 1, 2, 3, 4, null);
        TimelinePoint last = v.timeline().get(5);
        assertThat(last.verdict()).isEqualTo("PASSED");
        assertThat(last.score()).isEqualTo(97.5);
        assertThat(last.commitUrl()).isEqualTo("https://git.example/platform/env/commit/" + PROMOTE);
        assertThat(v.startedAt()).isEqualTo(T0);
        assertThat(v.updatedAt()).isEqualTo(T0.plusSeconds(241));
    }

    @Test
    @DisplayName("each analysis compares canary and baseline per metric; a metric without data is null, never NaN")
    void shouldCompareCanaryAndBaselinePerMetric() {
        RolloutView v = RolloutView.of(SUBJECT, promoted());

        assertThat(v.analyses()).hasSize(2);
        AnalysisPoint first = v.analyses().get(0);
        assertThat(first.step()).isEqualTo(2);
        assertThat(first.weight()).isEqualTo(10);
        assertThat(first.verdict()).isEqualTo("PASSED");
        assertThat(first.metrics()).containsExactly(
                new MetricComparison("error_rate", 0.004, 0.005, "<= 0.02", 12, "PASS"),
                new MetricComparison("latency_p99_ms", 130.0, null, "<= 1.5x baseline", 12, "NO_DATA"));
        assertThat(v.metricSeries()).extracting(MetricSeries::metric).containsExactly("error_rate", "latency_p99_ms");
        assertThat(v.metricSeries().get(0).points()).extracting(MetricSeries.Point::canary).containsExactly(0.004, 0.006);
        assertThat(v.metricSeries().get(0).points()).extracting(MetricSeries.Point::weight).containsExactly(10, 50);
    }

    @Test
    @DisplayName("status, verdict and score come from the phase and the last judgement; the badge says them")
    void shouldSummarizeForTheBadge() {
        RolloutView v = RolloutView.of(SUBJECT, promoted());

        assertThat(v.status()).isEqualTo(RolloutStatus.PROMOTED);
        assertThat(v.verdict()).isEqualTo("PASSED");
        assertThat(v.scoreText()).isEqualTo("score 97.50");
        assertThat(v.badge()).isEqualTo(new BadgeView(RolloutStatus.PROMOTED, "promoted 97.50",
                "canaryRollout checkout-1.5.0-b7: promoted, last verdict PASSED (score 97.50)", "\u2714"));
        assertThat(v.badge().tone()).isEqualTo("success");
        assertThat(v.commits()).extracting(CommitLink::shortId).containsExactly("01234567");
    }

    @Test
    @DisplayName("a rollback shows its reason and the verdict that caused it")
    void shouldExplainARollback() {
        RolloutState s = RolloutState.initial("r", "d", "1.4.2")
                .withEvent(new RolloutEvent(T0, 1, Kind.ANALYSIS, "analysis", 10, judgement(Verdict.FAILED, 12.0, 0.09, 0.005), null))
                .withPhase(RolloutPhase.ROLLED_BACK).withOutcome("FAILED: error_rate canary 0.09 > 0.02");

        BadgeView b = RolloutView.of(SUBJECT, s).badge();

        assertThat(b.text()).isEqualTo("rolled back 12.00");
        assertThat(b.tooltip()).endsWith("rolled back, last verdict FAILED (score 12.00): FAILED: error_rate canary 0.09 > 0.02");
        assertThat(b.tone()).isEqualTo("danger");
    }

    @Test
    @DisplayName("paused is awaiting approval; without a saved state the rollout shows as not started")
    void shouldShowPausedAndNotStarted() {
        RolloutState paused = RolloutState.initial("r", "d", "1.4.2").withPhase(RolloutPhase.PAUSED);
        assertThat(RolloutView.of(SUBJECT, paused).awaitingApproval()).isTrue();
        assertThat(RolloutView.of(SUBJECT, paused).badge().text()).isEqualTo("paused");

        RolloutView none = RolloutView.of(SUBJECT, null);
        assertThat(none.status()).isEqualTo(RolloutStatus.NOT_STARTED);
        assertThat(none.timeline()).isEmpty();
        assertThat(none.awaitingApproval()).isFalse();
    }

    @Test
    @DisplayName("a commit of a file or path repository has no web link")
    void shouldLinkOnlyWebRepositories() {
        assertThat(CommitLinks.url("file:///srv/env.git", PROMOTE)).isNull();
        assertThat(CommitLinks.url("/srv/env.git", PROMOTE)).isNull();
        assertThat(CommitLinks.url("https://gitlab.example/g/env/", PROMOTE)).isEqualTo("https://gitlab.example/g/env/commit/" + PROMOTE);
        assertThat(CommitLinks.url("https://git.example/env.git", null)).isNull();
    }

    @Test
    @DisplayName("chaos runs are listed with their outcome")
    void shouldListChaosRuns() {
        ChaosResult r = new ChaosResult("x-chaos-2", ChaosResult.Outcome.COMPLETED, true, Duration.ofSeconds(30), 0.1, List.of());
        RolloutState s = RolloutState.initial("r", "d", "1").withEvent(new RolloutEvent(T0, 1, Kind.CHAOS, "chaos", 10, null, null, r));

        assertThat(RolloutView.of(SUBJECT, s).chaos()).containsExactly(
                new ChaosPoint(T0, 2, "x-chaos-2", "COMPLETED", true, 0.1, 30.0));
    }

    @Test
    @DisplayName("the JSON for charts has ISO times, the per-metric series and null for missing numbers")
    void shouldSerializeForCharts() throws Exception {
        JsonNode json = Json.mapper().readTree(new RunRolloutsView(List.of(RolloutView.of(SUBJECT, promoted()))).json());

        JsonNode r = json.path("rollouts").get(0);
        assertThat(r.path("subject").path("rolloutId").asText()).isEqualTo("checkout-1.5.0-b7");
        assertThat(r.path("timeline").get(1).path("time").asText()).isEqualTo("2026-11-23T09:00:00Z");
        assertThat(r.path("metricSeries").get(1).path("points").get(0).path("baseline").isNull()).isTrue();
        assertThat(r.path("commits").get(0).path("url").asText()).endsWith("/commit/" + PROMOTE);
    }
}
