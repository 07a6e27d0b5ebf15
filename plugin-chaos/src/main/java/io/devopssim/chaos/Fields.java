package io.devopssim.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import io.devopssim.core.spec.Durations;
import io.devopssim.core.spec.SpecProblem;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Typed access to one YAML mapping of an experiment spec. Each mistake is recorded with its path and
 * read as empty, so that reading goes on and every problem is reported in one pass (the same approach
 * as core's rollout spec reader, whose helpers are package-private there).
 */
final class Fields {
    private final JsonNode node;
    private final String path;
    private final List<SpecProblem> problems;

    private Fields(JsonNode node, String path, List<SpecProblem> problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    /** The mapping at {@code path}, unknown keys reported; empty (and reported) when not a mapping. */
    static Optional<Fields> map(JsonNode node, String path, List<SpecProblem> problems, List<String> keys) {
        if (node == null || !node.isObject()) {
            problems.add(new SpecProblem(path, "expected a map, got " + describe(node)));
            return Optional.empty();
        }
        Fields fields = new Fields(node, path, problems);
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!keys.contains(name)) {
                fields.problem(name, "unknown key (known: " + String.join(", ", keys) + ")");
            }
        }
        return Optional.of(fields);
    }

    static boolean isAbsent(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull();
    }

    static String describe(JsonNode node) {
        if (isAbsent(node)) {
            return "nothing";
        }
        if (node.isTextual()) {
            return "\"" + node.asText() + "\"";
        }
        if (node.isArray()) {
            return "a list";
        }
        return node.isObject() ? "a map" : node.asText();
    }

    static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    String path() {
        return path;
    }

    String path(String key) {
        return child(path, key);
    }

    void problem(String key, String message) {
        problems.add(new SpecProblem(key == null ? path : path(key), message));
    }

    boolean has(String key) {
        return !isAbsent(node.get(key));
    }

    Optional<JsonNode> get(String key, boolean required) {
        JsonNode value = node.get(key);
        if (isAbsent(value)) {
            if (required) {
                problem(key, "required");
            }
            return Optional.empty();
        }
        return Optional.of(value);
    }

    Optional<String> text(String key, boolean required) {
        return get(key, required).flatMap(value -> {
            if (value.isTextual() && !value.asText().isBlank()) {
                return Optional.of(value.asText());
            }
            problem(key, "expected text, got " + describe(value));
            return Optional.empty();
        });
    }

    Optional<Integer> integer(String key, boolean required, int min, int max) {
        return get(key, required).flatMap(value -> {
            if (!value.isIntegralNumber()) {
                problem(key, "expected an integer, got " + describe(value));
                return Optional.empty();
            }
            if (!value.canConvertToInt() || value.asInt() < min || value.asInt() > max) {
                problem(key, value.asText() + " is not in " + min + ".." + max);
                return Optional.empty();
            }
            return Optional.of(value.asInt());
        });
    }

    Optional<Double> number(String key) {
        return get(key, false).flatMap(value -> {
            if (!value.isNumber() || !Double.isFinite(value.asDouble())) {
                problem(key, "expected a number, got " + describe(value));
                return Optional.empty();
            }
            return Optional.of(value.asDouble());
        });
    }

    /** A positive duration in {@link Durations}' forms. */
    Optional<Duration> duration(String key, boolean required) {
        return get(key, required).flatMap(value -> {
            Optional<Duration> parsed = value.isTextual() ? Durations.parse(value.asText()) : Optional.empty();
            if (parsed.isEmpty()) {
                problem(key, describe(value) + " is not a duration (use " + Durations.EXAMPLES + ")");
            } else if (parsed.get().isNegative() || parsed.get().isZero()) {
                problem(key, "must be positive, got " + value.asText());
                return Optional.empty();
            }
            return parsed;
        });
    }

    /** The elements of a list value; reported (and empty) when it is not a list. */
    Optional<List<JsonNode>> list(String key, boolean required) {
        return get(key, required).flatMap(value -> {
            if (!value.isArray()) {
                problem(key, "expected a list, got " + describe(value));
                return Optional.empty();
            }
            List<JsonNode> elements = new ArrayList<>();
            value.elements().forEachRemaining(elements::add);
            return Optional.of(elements);
        });
    }
}
