package io.devopssim.chaos.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopssim.chaos.ExperimentState;
import io.devopssim.chaos.FileExperimentStore;
import io.devopssim.core.chaos.ChaosResult;
import io.devopssim.core.chaos.ProbePoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

class ChaosRunViewModelTest {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private static ProbePoint point(int second, ProbePoint.Stage stage, double value, boolean held) {
        return new ProbePoint(T0.plusSeconds(second), stage, value, held);
    }

    /** An experiment that broke once while faulted, recovered 20 s after the halt, with a probe that once measured nothing. */
    static ExperimentState finished() {
        Map<String, List<ProbePoint>> series = new LinkedHashMap<>();
        series.put("errors", List.of(point(0, ProbePoint.Stage.BEFORE, 0.01, true), point(20, ProbePoint.Stage.DURING, 0.2, false),
                point(40, ProbePoint.Stage.DURING, 0.02, true), point(80, ProbePoint.Stage.AFTER, 0.01, true)));
        series.put("health", List.of(point(0, ProbePoint.Stage.BEFORE, 200, true), point(20, ProbePoint.Stage.DURING, Double.NaN, false),
                point(40, ProbePoint.Stage.DURING, 200, true), point(80, ProbePoint.Stage.AFTER, 200, true)));
        return new ExperimentState("exp-1", "gremlin", "digest", io.devopssim.chaos.ExperimentPhase.DONE, false, null,
                T0.plusSeconds(10), T0.plusSeconds(60), T0.plusSeconds(80), 0, ChaosResult.Outcome.COMPLETED, series,
                List.of(new io.devopssim.chaos.ExperimentEvent(T0, "experiment started")));
    }

    @Test
    void shouldShowTheResultAndEveryProbesSeries() {
        ChaosRunViewModel m = ChaosRunViewModel.of("checkout-latency", finished());

        assertThat(m.isDone()).isTrue();
        assertThat(m.getBackend()).isEqualTo("gremlin");
        assertThat(m.getOutcome()).isEqualTo("COMPLETED");
        assertThat(m.getHypothesisHeld()).as("broken while faulted").isFalse();
        assertThat(m.getVerdict()).isEqualTo("hypothesis broken, completed");
        assertThat(m.getTimeToRecoverSeconds()).isEqualTo(20.0);
        assertThat(m.getTimeToRecover()).isEqualTo("20s");
        assertThat(m.getErrorBudgetBurned()).as("1 of the 3 checks during and after").isEqualTo(1.0 / 3);
        assertThat(m.getErrorBudgetBurnedPercent()).isEqualTo("33.3 %");
        assertThat(m.getProbes()).extracting(ChaosRunViewModel.ProbeView::getName).containsExactly("errors", "health");
        ChaosRunViewModel.ProbeView health = m.getProbes().get(1);
        assertThat(health.isHeldThroughout()).isFalse();
        assertThat(health.getSeries()).containsExactly(List.of(T0.toEpochMilli(), 200.0),
                java.util.Arrays.asList(T0.plusSeconds(20).toEpochMilli(), null),
                List.of(T0.plusSeconds(40).toEpochMilli(), 200.0), List.of(T0.plusSeconds(80).toEpochMilli(), 200.0));
        assertThat(health.getPoints().get(1).getValueText()).isEqualTo("no data");
        assertThat(health.getPoints().get(1).getStage()).isEqualTo("DURING");
        assertThat(health.getPoints().get(1).getTime()).isEqualTo("2026-11-23T10:00:20Z");
        assertThat(m.getEvents()).extracting(ChaosRunViewModel.EventView::getMessage).containsExactly("experiment started");
    }

    @Test
    void shouldShowARunningExperimentWithoutAResult() {
        ExperimentState running = new ExperimentState("exp-2", "simulator", "d", io.devopssim.chaos.ExperimentPhase.RUNNING, true,
                null, T0, null, null, 0, null, Map.of("errors", List.of(point(0, ProbePoint.Stage.BEFORE, 0.01, true))), List.of());

        ChaosRunViewModel m = ChaosRunViewModel.of("x", running);

        assertThat(m.isDone()).isFalse();
        assertThat(m.getVerdict()).isEqualTo("running (running)");
        assertThat(m.getHypothesisHeld()).isNull();
        assertThat(m.getTimeToRecover()).isEqualTo("-");
        assertThat(m.getErrorBudgetBurned()).isNull();
        assertThat(m.getProbes().get(0).getSeries()).containsExactly(List.of(T0.toEpochMilli(), 0.01));
    }

    @Test
    void shouldReadTheExperimentFromTheBuildsFolderOrSayWhyNot(@TempDir Path dir) throws Exception {
        ChaosRunAction action = new ChaosRunAction("exp-1", "checkout-latency", "gremlin", dir);
        assertThat(action.getModel().getUnavailable()).isEqualTo("its state is gone from the build's folder");
        assertThat(action.getModel().getVerdict()).startsWith("no result");

        new FileExperimentStore(dir).save(finished());

        assertThat(action.getModel().getTimeToRecover()).isEqualTo("20s");
        assertThat(action.getDisplayName()).isEqualTo("Chaos experiment checkout-latency");
        assertThat(action.getUrlName()).isEqualTo("chaos-exp-1");
    }

    @Test
    void shouldSaveOnlyIdsWithTheBuild() {
        // XStream saves the action's non-transient fields with build.xml: only names, never the data or a path
        List<String> saved = java.util.Arrays.stream(ChaosRunAction.class.getDeclaredFields())
                .filter(f -> !java.lang.reflect.Modifier.isTransient(f.getModifiers()) && !java.lang.reflect.Modifier.isStatic(f.getModifiers()))
                .map(f -> f.getType().getSimpleName() + " " + f.getName()).toList();

        assertThat(saved).containsExactly("String experimentId", "String experimentName", "String backend");
    }
}
