package io.devopssim.chaos.jenkins;

import io.devopssim.chaos.ExperimentState;
import io.devopssim.chaos.Results;
import io.devopssim.core.chaos.ChaosResult;
import io.devopssim.core.chaos.ProbePoint;
import io.devopssim.core.spec.Durations;
import io.devopssim.views.chart.Chart;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the run summary shows of one experiment, from its saved state: a finished one's result (hypothesis
 * held or not, time to recover, error budget burned) and, finished or not, every probe's series. The views
 * only render it: the probes' charts ({@link #getCharts()}) and, as tables, every check. {@link ProbeView#getSeries()}
 * gives the same series as plain lists ({@code [epoch millis, value]} pairs, value null where nothing could be
 * measured).
 */
public final class ChaosRunViewModel {
    private final String experimentId;
    private final String name;
    private final String backend;
    private final String phase;
    private final ChaosResult result;
    private final List<ProbeView> probes;
    private final List<EventView> events;
    private final List<Chart> charts;
    private final String unavailable;

    private ChaosRunViewModel(String experimentId, String name, String backend, String phase, ChaosResult result,
                              List<ProbeView> probes, List<EventView> events, List<Chart> charts, String unavailable) {
        this.experimentId = experimentId;
        this.name = name;
        this.backend = backend;
        this.phase = phase;
        this.result = result;
        this.probes = List.copyOf(probes);
        this.events = List.copyOf(events);
        this.charts = List.copyOf(charts);
        this.unavailable = unavailable;
    }

    /** The experiment as its saved state has it, finished or not. */
    public static ChaosRunViewModel of(String name, ExperimentState s) {
        List<ProbeView> probes = new ArrayList<>();
        for (Map.Entry<String, List<ProbePoint>> e : s.series().entrySet()) {
            probes.add(new ProbeView(e.getKey(), e.getValue().stream().map(PointView::new).toList()));
        }
        List<EventView> events = s.events().stream().map(e -> new EventView(e.time().toString(), e.message())).toList();
        return new ChaosRunViewModel(s.experimentId(), name, s.backend(), s.phase().name(),
                s.isDone() ? Results.of(s) : null, probes, events, ProbeCharts.of(s), null);
    }

    /** No saved state could be read (e.g. the build's folder was pruned): says why instead of failing the page. */
    public static ChaosRunViewModel unavailable(String experimentId, String name, String backend, String reason) {
        return new ChaosRunViewModel(experimentId, name, backend, "UNKNOWN", null, List.of(), List.of(), List.of(), reason);
    }

    public String getExperimentId() {
        return experimentId;
    }

    public String getName() {
        return name;
    }

    public String getBackend() {
        return backend;
    }

    /** Where the experiment is: {@code RUNNING}, {@code DONE}, ... */
    public String getPhase() {
        return phase;
    }

    public boolean isDone() {
        return result != null;
    }

    /** Why there is nothing to show; null when there is. */
    public String getUnavailable() {
        return unavailable;
    }

    /** How it ended ({@code COMPLETED}, {@code ABORTED}, ...); null while it runs. */
    public String getOutcome() {
        return result == null ? null : result.outcome().name();
    }

    /** Null while it runs. */
    public Boolean getHypothesisHeld() {
        return result == null ? null : result.hypothesisHeld();
    }

    /** One line for the build page. */
    public String getVerdict() {
        if (unavailable != null) {
            return "no result (" + unavailable + ")";
        }
        if (result == null) {
            return "running (" + phase.toLowerCase(Locale.ROOT).replace('_', ' ') + ")";
        }
        return (result.hypothesisHeld() ? "hypothesis held" : "hypothesis broken") + ", "
                + result.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** From the halt to the first check at which every probe held; null when it did not recover (or runs). */
    public Double getTimeToRecoverSeconds() {
        return result == null || result.timeToRecover() == null ? null : result.timeToRecover().toMillis() / 1000.0;
    }

    public String getTimeToRecover() {
        if (result == null) {
            return "-";
        }
        return result.timeToRecover() == null ? "not recovered" : Durations.format(result.timeToRecover());
    }

    /** Share 0..1 of the checks during and after the faults that found the steady state broken; null while it runs. */
    public Double getErrorBudgetBurned() {
        return result == null ? null : result.errorBudgetBurned();
    }

    public String getErrorBudgetBurnedPercent() {
        return result == null ? "-" : String.format(Locale.ROOT, "%.1f %%", result.errorBudgetBurned() * 100);
    }

    public List<ProbeView> getProbes() {
        return probes;
    }

    public List<EventView> getEvents() {
        return events;
    }

    /** One ECharts timeline per probe ({@link ProbeCharts}), for the devsim chart tag; none before the first check. */
    public List<Chart> getCharts() {
        return charts;
    }

    /** One probe's checks, oldest first. */
    public static final class ProbeView {
        private final String name;
        private final List<PointView> points;

        ProbeView(String name, List<PointView> points) {
            this.name = name;
            this.points = List.copyOf(points);
        }

        public String getName() {
            return name;
        }

        public List<PointView> getPoints() {
            return points;
        }

        public boolean isHeldThroughout() {
            return points.stream().allMatch(PointView::isHeld);
        }

        /** {@code [[epochMillis, value], ...]}; value null where the probe measured nothing. */
        public List<List<Object>> getSeries() {
            return points.stream().map(p -> Arrays.<Object>asList(p.getEpochMillis(), p.getValue())).toList();
        }
    }

    /** One check of one probe. */
    public static final class PointView {
        private final ProbePoint point;

        PointView(ProbePoint point) {
            this.point = point;
        }

        public long getEpochMillis() {
            return point.time().toEpochMilli();
        }

        /** ISO-8601, UTC. */
        public String getTime() {
            return point.time().toString();
        }

        /** {@code BEFORE}, {@code DURING} or {@code AFTER} the faults. */
        public String getStage() {
            return point.stage().name();
        }

        /** Null where nothing could be measured (which never holds). */
        public Double getValue() {
            return Double.isNaN(point.value()) ? null : point.value();
        }

        public String getValueText() {
            return Double.isNaN(point.value()) ? "no data" : String.format(Locale.ROOT, "%.4g", point.value());
        }

        public boolean isHeld() {
            return point.held();
        }
    }

    /** One line of the experiment's history. */
    public static final class EventView {
        private final String time;
        private final String message;

        EventView(String time, String message) {
            this.time = time;
            this.message = message;
        }

        public String getTime() {
            return time;
        }

        public String getMessage() {
            return message;
        }
    }
}
