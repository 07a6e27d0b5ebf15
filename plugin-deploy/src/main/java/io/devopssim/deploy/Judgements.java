package io.devopssim.deploy;

import io.devopssim.core.model.Judgement;
import io.devopssim.core.model.MetricResult;
import io.devopssim.core.model.Numbers;

import java.util.Locale;
import java.util.stream.Collectors;

/** One-line renderings of a judgement, with the numbers behind it. */
public final class Judgements {
    private Judgements() {
    }

    /** {@code PASSED score 100.0 | error_rate canary 0.0051 baseline 0.0049 (<= 0.02) PASS | ...}. */
    public static String summary(Judgement j) {
        String metrics = j.metrics().stream().map(Judgements::metric).collect(Collectors.joining(" | "));
        return String.format(Locale.ROOT, "%s score %.1f | %s", j.verdict(), j.score(), metrics);
    }

    public static String metric(MetricResult r) {
        return r.metric() + " canary " + Numbers.format(r.canary()) + " baseline " + Numbers.format(r.baseline()) + " (" + r.criterion()
                + ", n=" + r.samples() + ") " + r.status();
    }

}
