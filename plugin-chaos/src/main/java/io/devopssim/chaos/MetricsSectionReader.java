package io.devopssim.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import io.devopssim.core.spec.SpecProblem;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Reads a spec's {@code metrics:} section: where metric probes read from on a real backend. Each part is
 * optional here (a step argument may give it); what a run needs is checked by whoever runs it.
 */
final class MetricsSectionReader {
    static final List<String> KEYS = List.of("prometheus", "canarySelector", "baselineSelector", "rateWindow");

    private MetricsSectionReader() {
    }

    static Optional<ExperimentDocument.MetricsSection> read(JsonNode section, List<SpecProblem> problems) {
        int before = problems.size();
        Optional<Fields> fields = Fields.map(section, "metrics", problems, KEYS);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Fields m = fields.get();
        URI url = m.text("prometheus", false).flatMap(text -> PrometheusSource.url(text).or(() -> {
            m.problem("prometheus", "\"" + text + "\" is not an http(s) URL with a host");
            return Optional.empty();
        })).orElse(null);
        String canary = m.text("canarySelector", false).filter(s -> selector(m, "canarySelector", s)).orElse(null);
        String baseline = m.text("baselineSelector", false).filter(s -> selector(m, "baselineSelector", s)).orElse(null);
        Duration window = m.has("rateWindow") ? m.duration("rateWindow", false).orElse(null) : null;
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new ExperimentDocument.MetricsSection(url, canary, baseline, window));
    }

    private static boolean selector(Fields m, String key, String text) {
        Optional<String> why = PrometheusSource.selectorProblem(text);
        why.ifPresent(w -> m.problem(key, w));
        return why.isEmpty();
    }
}
