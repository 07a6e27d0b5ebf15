package io.devopssim.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devopssim.core.chaos.ChaosResult;
import io.devopssim.core.chaos.ProbePoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

class FileExperimentStoreTest {
    private static final Instant T = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void shouldReadBackEveryFieldIncludingAProbeThatMeasuredNothing(@TempDir Path dir) throws Exception {
        ExperimentState state = ExperimentState.initial("exp-1", "gremlin", "digest", List.of("health", "errors"))
                .withCheck(Map.of("health", new ProbePoint(T, ProbePoint.Stage.BEFORE, Double.NaN, false),
                        "errors", new ProbePoint(T, ProbePoint.Stage.BEFORE, 0.01, true)), false)
                .faultsRequested().faultsStarted(T).halting(ChaosResult.Outcome.ABORTED).withEvent(T, "abort");
        FileExperimentStore store = new FileExperimentStore(dir);

        store.save(state);

        ExperimentState read = new FileExperimentStore(dir).load("exp-1").orElseThrow();
        assertThat(read).isEqualTo(state);
        assertThat(read.series().get("health").get(0).value()).isNaN();
        assertThat(List.copyOf(read.series().keySet())).containsExactly("health", "errors");
        assertThat(store.ids()).containsExactly("exp-1");
    }

    @Test
    void shouldKnowNothingOfAnUnsavedExperimentAndRefuseUnsafeIds(@TempDir Path dir) throws Exception {
        FileExperimentStore store = new FileExperimentStore(dir.resolve("not-yet"));

        assertThat(store.load("exp-1")).isEmpty();
        assertThat(store.ids()).isEmpty();
        assertThatThrownBy(() -> store.load("../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    }
}
