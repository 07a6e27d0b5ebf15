package io.devopssim.cli;

import io.devopssim.core.state.RolloutEvent;
import io.devopssim.core.state.RolloutState;
import io.devopssim.deploy.RolloutListener;

import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One progress line per event: {@code [checkout 1.5.0 09:02:30] step 3/5 analysis ...}, and under an
 * analysis its judge's reasons (for the XGBoost gate, the features that weighed most with their SHAP values).
 */
final class ConsoleProgress implements RolloutListener {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    private final PrintWriter out;
    private final String label;

    ConsoleProgress(PrintWriter out, String label) {
        this.out = out;
        this.label = label;
    }

    @Override
    public void onEvent(RolloutState state, RolloutEvent event) {
        out.printf("[%s %s] %s%n", label, TIME.format(event.time()), event.message());
        if (event.judgement() != null && event.kind() == RolloutEvent.Kind.ANALYSIS) {
            event.judgement().reasons().forEach(r -> out.printf("[%s %s]     reason: %s%n", label, TIME.format(event.time()), r));
        }
        out.flush();
    }
}
