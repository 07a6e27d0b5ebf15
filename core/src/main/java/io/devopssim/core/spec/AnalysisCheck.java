package io.devopssim.core.spec;

import java.time.Duration;
import java.util.Objects;

/**
 * An analysis outside the canary steps (blue-green pre- and post-promotion analysis, a rolling update's
 * health check): a window and the criteria it is judged by, either the spec's {@code analysis:} section
 * ({@code {window: 2m}}) or its own ({@code {window: 2m, metrics: [...]}}).
 *
 * @param window   how long to watch before judging
 * @param criteria what the window is judged by
 * @param inline   true when the criteria were written here rather than taken from {@code analysis:}
 */
public record AnalysisCheck(Duration window, AnalysisSpec criteria, boolean inline) {
    public AnalysisCheck {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(criteria, "criteria");
    }
}
