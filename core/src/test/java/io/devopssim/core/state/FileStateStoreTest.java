package io.devopssim.core.state;

import io.devopssim.core.model.Judgement;
import io.devopssim.core.model.MetricResult;
import io.devopssim.core.model.MetricStatus;
import io.devopssim.core.model.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileStateStoreTest {
    @TempDir
    Path dir;

    @Test
    void shouldReadBackExactlyWhatWasSavedIncludingJudgementsAndNaN() throws Exception {
        FileStateStore store = new FileStateStore(dir);
        Judgement j = new Judgement(Verdict.INCONCLUSIVE, 50,
                List.of(new MetricResult("error_rate", Double.NaN, 0.01, "<= 0.02", 0, MetricStatus.NO_DATA)),
                List.of("error_rate: no data"));
        RolloutState s = RolloutState.initial("checkout-1.5.0", "abc", "1.4.2")
                .withEvent(new RolloutEvent(Instant.parse("2026-01-01T00:00:00Z"), 2, RolloutEvent.Kind.ANALYSIS,
                        "analysis", 20, j, null))
                .waiting(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:02:00Z"));

        store.save(s);

        assertThat(store.load("checkout-1.5.0")).contains(s);
        assertThat(store.load("other")).isEmpty();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("checkout-1.5.0.json");
        }
    }

    @Test
    void shouldRejectARolloutIdThatCouldEscapeTheDirectory() {
        FileStateStore store = new FileStateStore(dir);
        assertThatThrownBy(() -> store.load("../etc/passwd")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rollout id");
    }
}
