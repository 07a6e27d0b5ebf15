package io.devopssim.mlgate.jenkins;

import io.devopssim.core.model.Judgement;
import io.devopssim.core.model.MetricResult;
import io.devopssim.core.model.Numbers;
import io.devopssim.core.model.Verdict;
import io.devopssim.views.chart.Chart;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the build page shows of one deploymentGate call: the view model of {@link GateBadgeAction} and
 * {@link GateSummaryAction}. The views only render its getters. A plain class with plain fields (not a
 * record): it is saved with the build, and records do not read back reliably through XStream.
 */
public final class GateSummary implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String verdict;
    private final double score;
    private final String judge;
    private final String window;
    private final String canary;
    private final String baseline;
    private final List<String> reasons;
    private final List<MetricRow> metrics;

    GateSummary(String verdict, double score, String judge, String window, String canary, String baseline,
                List<String> reasons, List<MetricRow> metrics) {
        this.verdict = verdict;
        this.score = score;
        this.judge = judge;
        this.window = window;
        this.canary = canary;
        this.baseline = baseline;
        this.reasons = new ArrayList<>(reasons);
        this.metrics = new ArrayList<>(metrics);
    }

    static GateSummary of(Judgement j, String judge, String window, String canary, String baseline) {
        List<MetricRow> rows = new ArrayList<>();
        for (MetricResult m : j.metrics()) {
            rows.add(new MetricRow(m.metric(), Numbers.format(m.canary()), Numbers.format(m.baseline()), m.criterion(),
                    m.samples(), m.status().name()));
        }
        return new GateSummary(j.verdict().name(), j.score(), judge, window, canary, baseline, j.reasons(), rows);
    }

    public String getVerdict() {
        return verdict;
    }

    /** One decimal, as the log shows it. */
    public String getScore() {
        return String.format(Locale.ROOT, "%.1f", score);
    }

    /** The badge's text: {@code FAILED 12.5}. */
    public String getBadgeText() {
        return verdict + " " + getScore();
    }

    /** The badge's tooltip: the verdict, the score and the first reason. */
    public String getTooltip() {
        return "Deployment gate (" + judge + "): " + verdict + ", score " + getScore()
                + (reasons.isEmpty() ? "" : ". " + reasons.get(0));
    }

    /** Only PASSED is green: INCONCLUSIVE never looks like a pass. */
    public String getColor() {
        return switch (Verdict.valueOf(verdict)) {
            case PASSED -> "#1b7f3b";
            case FAILED -> "#c62828";
            case INCONCLUSIVE -> "#9a6700";
            case ERROR -> "#6a1b9a";
        };
    }

    public String getTitle() {
        return "Deployment gate: " + verdict + " (score " + getScore() + ")";
    }

    public String getJudge() {
        return judge;
    }

    /** {@code {app="shop",track="canary"} against {app="shop",track="stable"} over the last 5m}. */
    public String getWindowText() {
        return canary + " against " + baseline + " over the last " + window;
    }

    public List<String> getReasons() {
        return List.copyOf(reasons);
    }

    /** The model's SHAP reasons among them (feature, value, contribution), for their own list. */
    public List<String> getTopFeatures() {
        return reasons.stream().filter(r -> r.contains("(SHAP ")).toList();
    }

    public List<MetricRow> getMetrics() {
        return List.copyOf(metrics);
    }

    /**
     * The charts of the summary (canary ÷ baseline per metric; the model's SHAP contributions when it judged),
     * for the devsim {@code chart} tag.
     */
    public List<Chart> getCharts() {
        return GateCharts.of(this);
    }

    /** One metric's numbers. */
    public static final class MetricRow implements Serializable {
        private static final long serialVersionUID = 1L;

        private final String metric;
        private final String canary;
        private final String baseline;
        private final String criterion;
        private final int samples;
        private final String status;

        MetricRow(String metric, String canary, String baseline, String criterion, int samples, String status) {
            this.metric = metric;
            this.canary = canary;
            this.baseline = baseline;
            this.criterion = criterion;
            this.samples = samples;
            this.status = status;
        }

        public String getMetric() {
            return metric;
        }

        public String getCanary() {
            return canary;
        }

        public String getBaseline() {
            return baseline;
        }

        public String getCriterion() {
            return criterion;
        }

        public int getSamples() {
            return samples;
        }

        public String getStatus() {
            return status;
        }
    }
}
