package io.devopssim.chaos;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.devopssim.core.chaos.ChaosTarget;
import io.devopssim.core.chaos.Fault;
import io.devopssim.core.metrics.StandardMetrics;
import io.devopssim.core.spec.Durations;
import io.devopssim.core.spec.InvalidSpecException;
import io.devopssim.core.spec.SpecProblem;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads an experiment spec from YAML (see plugin-chaos/README.md) and validates all of it before
 * anything starts: every problem at once, each with its path, as an {@link InvalidSpecException}.
 * The YAML is walked by hand as a tree, so that an unknown fault, a percentage over 100 or a missing
 * target each get a message a person can act on. Thread-safe.
 */
public final class ExperimentReader {
    static final List<String> KEYS = List.of("name", "target", "faults", "duration", "ramp", "hypothesis", "abort", "backend",
            "metrics");
    static final List<String> HYPOTHESIS_KEYS = List.of("probes", "interval", "recoveryTimeout");
    static final List<String> METRIC_PROBE_KEYS = List.of("name", "metric", "max", "min", "on");
    static final List<String> HTTP_PROBE_KEYS = List.of("name", "url", "expectStatus", "timeout");
    static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);
    static final Duration DEFAULT_RECOVERY = Duration.ofMinutes(1);
    static final Duration DEFAULT_HTTP_TIMEOUT = Duration.ofSeconds(2);
    /** Faults left for longer than a day are an outage, not an experiment. */
    static final Duration MAX_DURATION = Duration.ofHours(24);

    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final String TARGET_FORMS = "canary, {percent: 1..100} or {labels: {key: value}}";

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    public ExperimentSpec read(Path file) throws IOException, InvalidSpecException {
        return read(Files.readString(file, StandardCharsets.UTF_8));
    }

    public ExperimentDocument readDocument(Path file) throws IOException, InvalidSpecException {
        return readDocument(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** The experiment only; a {@code backend:} or {@code metrics:} section is checked but not returned. */
    public ExperimentSpec read(String yamlText) throws InvalidSpecException {
        return readDocument(yamlText).experiment();
    }

    /** Reads a spec already parsed to a tree (YAML, JSON, Pipeline step arguments). */
    public ExperimentSpec read(JsonNode document) throws InvalidSpecException {
        return readDocument(document).experiment();
    }

    /** The whole file: the experiment, and its {@code backend:} and {@code metrics:} sections when it has them. */
    public ExperimentDocument readDocument(String yamlText) throws InvalidSpecException {
        JsonNode document;
        try {
            document = yaml.readTree(yamlText);
        } catch (JsonProcessingException e) {
            throw new InvalidSpecException(List.of(new SpecProblem("", "YAML syntax error: " + e.getOriginalMessage())));
        }
        return readDocument(document);
    }

    public ExperimentDocument readDocument(JsonNode document) throws InvalidSpecException {
        List<SpecProblem> problems = new ArrayList<>();
        if (Fields.isAbsent(document) || (document.isObject() && document.isEmpty())) {
            throw new InvalidSpecException(List.of(new SpecProblem("", "the experiment is empty")));
        }
        Fields root = Fields.map(document, "", problems, KEYS)
                .orElseThrow(() -> new InvalidSpecException(problems));

        Optional<String> name = root.text("name", true).filter(n -> {
            if (!DNS_LABEL.matcher(n).matches()) {
                root.problem("name", "\"" + n + "\" is not a DNS label (lowercase letters, digits and '-', at most 63)");
                return false;
            }
            return true;
        });
        Optional<ChaosTarget> target = target(document, root, problems);
        List<Fault> faults = faults(root, problems);
        Optional<Duration> duration = root.duration("duration", true).filter(d -> {
            if (d.compareTo(MAX_DURATION) > 0) {
                root.problem("duration", "must be at most 24h, got " + Durations.format(d));
                return false;
            }
            return true;
        });
        Optional<Duration> ramp = root.has("ramp") ? root.duration("ramp", false) : Optional.of(Duration.ZERO);
        if (ramp.isPresent() && duration.isPresent() && ramp.get().compareTo(duration.get()) >= 0) {
            root.problem("ramp", "must be shorter than the duration (" + Durations.format(duration.get()) + "), got "
                    + Durations.format(ramp.get()));
        }
        Optional<ExperimentSpec.Hypothesis> hypothesis = hypothesis(root, problems);
        Optional<ExperimentSpec.AbortPolicy> abort = abort(root, problems);
        BackendChoice backend = root.get("backend", false).flatMap(b -> BackendSectionReader.read(b, problems)).orElse(null);
        ExperimentDocument.MetricsSection metrics = root.get("metrics", false)
                .flatMap(m -> MetricsSectionReader.read(m, problems)).orElse(null);

        if (!problems.isEmpty()) {
            throw new InvalidSpecException(problems);
        }
        return new ExperimentDocument(new ExperimentSpec(name.orElseThrow(), target.orElseThrow(), faults, duration.orElseThrow(),
                ramp.orElseThrow(), hypothesis.orElseThrow(), abort.orElseThrow()), backend, metrics);
    }

    /** Absent means the canary; present but empty is a mistake ("missing target"), not a default. */
    private static Optional<ChaosTarget> target(JsonNode document, Fields root, List<SpecProblem> problems) {
        if (!document.has("target")) {
            return Optional.of(ChaosTarget.CANARY);
        }
        JsonNode value = document.get("target");
        if (Fields.isAbsent(value) || (value.isObject() && value.isEmpty())
                || (value.isTextual() && value.asText().isBlank())) {
            root.problem("target", "missing target: write " + TARGET_FORMS + ", or leave the key out for the canary");
            return Optional.empty();
        }
        if (value.isTextual()) {
            if (value.asText().equals("canary")) {
                return Optional.of(ChaosTarget.CANARY);
            }
            root.problem("target", "\"" + value.asText() + "\" is not a target (use " + TARGET_FORMS + ")");
            return Optional.empty();
        }
        Optional<Fields> fields = Fields.map(value, "target", problems, List.of("percent", "labels"));
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Fields t = fields.get();
        Optional<Integer> percent = t.has("percent") ? t.integer("percent", false, 1, 100) : Optional.of(100);
        if (!t.has("labels")) {
            return percent.map(p -> new ChaosTarget(ChaosTarget.Kind.PERCENT, p, Map.of()));
        }
        Optional<Map<String, String>> labels = labels(t);
        if (percent.isEmpty() || labels.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ChaosTarget(ChaosTarget.Kind.LABELS, percent.get(), labels.get()));
    }

    private static Optional<Map<String, String>> labels(Fields t) {
        JsonNode labels = t.get("labels", true).orElseThrow();
        if (!labels.isObject() || labels.isEmpty()) {
            t.problem("labels", "missing target: expected a map of at least one label, got " + Fields.describe(labels));
            return Optional.empty();
        }
        Map<String, String> out = new LinkedHashMap<>();
        boolean fine = true;
        for (Map.Entry<String, JsonNode> e : labels.properties()) {
            if (!e.getValue().isTextual() || e.getValue().asText().isBlank()) {
                t.problem("labels." + e.getKey(), "expected text, got " + Fields.describe(e.getValue())
                        + " (put it in quotes if it is meant as text)");
                fine = false;
            } else {
                out.put(e.getKey(), e.getValue().asText());
            }
        }
        return fine ? Optional.of(out) : Optional.empty();
    }

    private static List<Fault> faults(Fields root, List<SpecProblem> problems) {
        List<Fault> faults = new ArrayList<>();
        Optional<List<JsonNode>> elements = root.list("faults", true);
        if (elements.isPresent() && elements.get().isEmpty()) {
            root.problem("faults", "needs at least one fault (known: " + String.join(", ", FaultReader.NAMES) + ")");
        }
        elements.ifPresent(list -> {
            for (int i = 0; i < list.size(); i++) {
                FaultReader.read(list.get(i), "faults[" + i + "]", problems).ifPresent(faults::add);
            }
        });
        return faults;
    }

    private static Optional<ExperimentSpec.Hypothesis> hypothesis(Fields root, List<SpecProblem> problems) {
        Optional<JsonNode> section = root.get("hypothesis", true);
        if (section.isEmpty()) {
            return Optional.empty();
        }
        Optional<Fields> fields = Fields.map(section.get(), "hypothesis", problems, HYPOTHESIS_KEYS);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Fields h = fields.get();
        Optional<Duration> interval = h.has("interval") ? h.duration("interval", false) : Optional.of(DEFAULT_INTERVAL);
        if (interval.isPresent() && interval.get().compareTo(Duration.ofSeconds(1)) < 0) {
            h.problem("interval", "must be at least 1s, got " + Durations.format(interval.get()));
            interval = Optional.empty();
        }
        Optional<Duration> recovery = h.has("recoveryTimeout") ? h.duration("recoveryTimeout", false)
                : Optional.of(DEFAULT_RECOVERY);
        List<ProbeSpec> probes = new ArrayList<>();
        Optional<List<JsonNode>> elements = h.list("probes", true);
        if (elements.isPresent() && elements.get().isEmpty()) {
            h.problem("probes", "needs at least one probe: a hypothesis that checks nothing always holds");
        }
        Set<String> names = new HashSet<>();
        elements.ifPresent(list -> {
            for (int i = 0; i < list.size(); i++) {
                probe(list.get(i), h.path("probes") + "[" + i + "]", problems, names).ifPresent(probes::add);
            }
        });
        if (interval.isEmpty() || recovery.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ExperimentSpec.Hypothesis(probes, interval.get(), recovery.get()));
    }

    private static Optional<ProbeSpec> probe(JsonNode element, String path, List<SpecProblem> problems, Set<String> names) {
        boolean http = element != null && element.has("url");
        Optional<Fields> fields = Fields.map(element, path, problems, http ? HTTP_PROBE_KEYS : METRIC_PROBE_KEYS);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Fields p = fields.get();
        Optional<String> name = p.text("name", true).filter(n -> {
            if (!names.add(n)) {
                p.problem("name", "\"" + n + "\" names another probe already");
                return false;
            }
            return true;
        });
        return http ? httpProbe(p, name) : metricProbe(p, name);
    }

    private static Optional<ProbeSpec> metricProbe(Fields p, Optional<String> name) {
        Optional<String> metric = p.text("metric", true).filter(m -> {
            if (!StandardMetrics.ALL.contains(m)) {
                p.problem("metric", "\"" + m + "\" is unknown (known: " + String.join(", ", StandardMetrics.ALL)
                        + "; or give url for an HTTP probe)");
                return false;
            }
            return true;
        });
        Optional<Double> max = p.number("max");
        Optional<Double> min = p.number("min");
        boolean fine = max.isPresent() == p.has("max") && min.isPresent() == p.has("min");
        if (!p.has("max") && !p.has("min")) {
            p.problem(null, "needs max, min or both");
            fine = false;
        }
        if (max.isPresent() && min.isPresent() && min.get() > max.get()) {
            p.problem(null, "min " + min.get() + " is greater than max " + max.get());
            fine = false;
        }
        Optional<ProbeSpec.Side> side = Optional.of(ProbeSpec.Side.CANARY);
        if (p.has("on")) {
            side = p.text("on", false).flatMap(on -> switch (on) {
                case "canary" -> Optional.of(ProbeSpec.Side.CANARY);
                case "baseline" -> Optional.of(ProbeSpec.Side.BASELINE);
                default -> {
                    p.problem("on", "\"" + on + "\" is not canary or baseline");
                    yield Optional.empty();
                }
            });
        }
        if (!fine || name.isEmpty() || metric.isEmpty() || side.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ProbeSpec.MetricProbe(name.get(), metric.get(), max.orElse(null), min.orElse(null), side.get()));
    }

    private static Optional<ProbeSpec> httpProbe(Fields p, Optional<String> name) {
        Optional<URI> url = p.text("url", true).flatMap(text -> {
            try {
                URI uri = new URI(text);
                if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                    return Optional.of(uri);
                }
            } catch (URISyntaxException e) {
                // reported below, with the other malformed forms
            }
            p.problem("url", "\"" + text + "\" is not an http(s) URL with a host");
            return Optional.empty();
        });
        Optional<Integer> status = p.has("expectStatus") ? p.integer("expectStatus", false, 100, 599) : Optional.of(200);
        Optional<Duration> timeout = p.has("timeout") ? p.duration("timeout", false) : Optional.of(DEFAULT_HTTP_TIMEOUT);
        if (name.isEmpty() || url.isEmpty() || status.isEmpty() || timeout.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ProbeSpec.HttpProbe(name.get(), url.get(), status.get(), timeout.get()));
    }

    private static Optional<ExperimentSpec.AbortPolicy> abort(Fields root, List<SpecProblem> problems) {
        Optional<JsonNode> section = root.get("abort", false);
        if (section.isEmpty()) {
            return Optional.of(ExperimentSpec.AbortPolicy.DEFAULT);
        }
        return Fields.map(section.get(), "abort", problems, List.of("afterFailedChecks"))
                .flatMap(a -> a.has("afterFailedChecks")
                        ? a.integer("afterFailedChecks", false, 1, 1_000)
                        : Optional.of(ExperimentSpec.AbortPolicy.DEFAULT.afterFailedChecks()))
                .map(ExperimentSpec.AbortPolicy::new);
    }
}
