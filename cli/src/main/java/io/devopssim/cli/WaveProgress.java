package io.devopssim.cli;

import io.devopssim.core.state.RolloutEvent;
import io.devopssim.multicloud.WaveEvent;
import io.devopssim.multicloud.WaveListener;
import io.devopssim.multicloud.WaveRunState;

import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** One line per event: {@code [europe/aks-we 10:05:00] step 2/4 ...} for a cluster, {@code [plan 10:04:00] ...} for the plan. */
final class WaveProgress implements WaveListener {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    private final PrintWriter out;

    WaveProgress(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void onWaveEvent(WaveRunState state, WaveEvent event) {
        String label = event.cluster() == null ? "plan" : "plan/" + event.cluster();
        out.printf("[%s %s] %s%n", label, TIME.format(event.time()), event.message());
        out.flush();
    }

    @Override
    public void onClusterEvent(String wave, String cluster, RolloutEvent event) {
        out.printf("[%s/%s %s] %s%n", wave, cluster, TIME.format(event.time()), event.message());
        out.flush();
    }
}
