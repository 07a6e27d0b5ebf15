package io.devopssim.mlgate.jenkins;

import io.devopssim.core.model.MetricStatus;
import io.devopssim.mlgate.gate.XgboostGate;
import io.devopssim.views.chart.BarChart;
import io.devopssim.views.chart.Chart;
import io.devopssim.views.rollout.Colors;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The charts of a gate's summary (ECharts options for the devsim {@code chart} tag): each metric's canary as a
 * multiple of its baseline, coloured by the judge's status, and the model's SHAP contributions, red toward a bad
 * release, green toward a healthy one. Built from what {@link GateSummary} keeps (formatted numbers and reason
 * texts), so builds saved before the charts existed draw them too.
 */
final class GateCharts {
    static final int HEIGHT = 260;
    static final String METRICS_TITLE = "Canary as a multiple of baseline, per metric";
    static final String SHAP_TITLE = "Model's SHAP contributions (log-odds; above zero toward a bad release)";

    private GateCharts() {
    }

    static List<Chart> of(GateSummary s) {
        List<Chart> charts = new ArrayList<>();
        metrics(s.getMetrics()).ifPresent(charts::add);
        contributions(s.getReasons()).ifPresent(charts::add);
        return charts;
    }

    /** Empty when no metric has numbers. */
    static Optional<Chart> metrics(List<GateSummary.MetricRow> rows) {
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        List<BarChart.Bar> bars = new ArrayList<>();
        for (GateSummary.MetricRow r : rows) {
            double canary = number(r.getCanary());
            double baseline = number(r.getBaseline());
            double ratio = baseline > 0 && Double.isFinite(canary) ? canary / baseline : Double.NaN;
            names.add(r.getMetric());
            String status = r.getStatus();
            String color = color(status);
            String label = Double.isNaN(ratio) ? "no ratio" : "x" + String.format(Locale.ROOT, "%.2f", ratio);
            bars.add(new BarChart.Bar(ratio, color, label, r.getMetric() + ": canary " + r.getCanary() + ", baseline "
                    + r.getBaseline() + " (" + r.getCriterion() + ", " + r.getSamples() + " points) " + status));
        }
        return Optional.of(BarChart.of(METRICS_TITLE, names).axis("canary ÷ baseline").reference(1, "baseline")
                .series("canary ÷ baseline", Colors.BLUE, bars).build(HEIGHT));
    }

    /** Empty when the reasons hold no SHAP contribution (a judge other than the model). */
    static Optional<Chart> contributions(List<String> reasons) {
        List<XgboostGate.Contribution> all = reasons.stream().map(XgboostGate.Contribution::parse)
                .flatMap(Optional::stream).toList();
        if (all.isEmpty()) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        List<BarChart.Bar> bars = new ArrayList<>();
        for (XgboostGate.Contribution c : all) {
            names.add(c.feature());
            String signed = String.format(Locale.ROOT, "%+.3f", c.shap());
            bars.add(new BarChart.Bar(c.shap(), c.shap() > 0 ? Colors.RED : Colors.GREEN, signed,
                    c.feature() + (c.value().isEmpty() ? "" : " = " + c.value()) + ": SHAP " + signed
                            + (c.shap() > 0 ? " toward bad" : " toward healthy")));
        }
        return Optional.of(BarChart.of(SHAP_TITLE, names).signed().axis("SHAP (log-odds)").reference(0, "")
                .series("contribution", Colors.GREY, bars).build(HEIGHT));
    }

    private static String color(String status) {
        try {
            return Colors.of(MetricStatus.valueOf(status));
        } catch (IllegalArgumentException e) {
            return Colors.GREY;
        }
    }

    /** A number as {@code Numbers.format} wrote it ({@code n/a} for NaN). */
    private static double number(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException | NullPointerException e) {
            return Double.NaN;
        }
    }
}
