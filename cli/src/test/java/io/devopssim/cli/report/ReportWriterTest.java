package io.devopssim.cli.report;

import io.devopssim.core.state.RolloutEvent;
import io.devopssim.core.state.RolloutEvent.Kind;
import io.devopssim.core.state.RolloutPhase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReportWriterTest {
    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

    @TempDir
    Path dir;

    private static RolloutReport rollout(String app, String env, RolloutPhase phase, Kind last) {
        return new RolloutReport(app + "-1", app, "ghcr.io/acme/" + app + ":1", phase, null, T0, T0.plusSeconds(60),
                List.of(new RolloutEvent(T0, 0, Kind.WEIGHT, "setWeight 10", 10, null, null),
                        new RolloutEvent(T0.plusSeconds(60), -1, last, "end", 0, null, null)), List.of(), env);
    }

    @Test
    void writesOneBadgePerAppAndEnvironmentTheLatestRolloutWinning() throws Exception {
        Report report = new Report("r", T0, List.of(
                rollout("checkout", "production", RolloutPhase.PROMOTED, Kind.PROMOTED),
                rollout("cart", "production", RolloutPhase.PAUSED, Kind.PAUSE_STARTED),
                rollout("checkout", "production", RolloutPhase.ROLLED_BACK, Kind.ROLLED_BACK)), List.of(), false);

        ReportWriter.Written written = new ReportWriter().write(report, dir);

        assertThat(written.badges()).containsExactly(dir.resolve("badges/cart-production.svg"),
                dir.resolve("badges/checkout-production.svg"));
        assertThat(Files.readString(dir.resolve("badges/checkout-production.svg"))).contains(">rolled back<").contains("#e05d44");
        assertThat(Files.readString(dir.resolve("badges/cart-production.svg"))).contains(">paused<").contains("#dfb317");
        assertThat(Files.readString(written.json())).contains("\"environment\" : \"production\"");
        assertThat(Files.readString(written.html())).contains("echarts").contains("data-devsim-chart=");
    }
}
