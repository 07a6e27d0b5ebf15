package io.devopssim.views.rollout;

import io.devopssim.core.model.MetricStatus;
import io.devopssim.core.model.Verdict;
import io.devopssim.core.state.RolloutPhase;

/** The colours every devsim page gives verdicts, metric statuses and outcomes, so a report and a run page agree. */
public final class Colors {
    public static final String GREEN = "#1a7f37";
    public static final String RED = "#cf222e";
    public static final String AMBER = "#9a6700";
    public static final String GREY = "#57606a";
    public static final String BLUE = "#0969da";
    public static final String PURPLE = "#8250df";
    public static final String ORANGE = "#bc4c00";
    /** Successive analyses of a rollout, light to dark. */
    static final String[] ANALYSES = {"#54aeff", "#218bff", "#0969da", "#0550ae", "#033d8b", "#0a3069"};

    private Colors() {
    }

    public static String of(Verdict v) {
        return switch (v) {
            case PASSED -> GREEN;
            case FAILED -> RED;
            case INCONCLUSIVE -> AMBER;
            case ERROR -> GREY;
        };
    }

    public static String of(MetricStatus s) {
        return switch (s) {
            case PASS -> GREEN;
            case HIGH, LOW -> RED;
            case NO_DATA -> AMBER;
        };
    }

    public static String of(RolloutPhase p) {
        return switch (p) {
            case PROMOTED -> GREEN;
            case ROLLED_BACK, ABORTED, FAILED -> RED;
            case PAUSED -> AMBER;
            default -> BLUE;
        };
    }
}
