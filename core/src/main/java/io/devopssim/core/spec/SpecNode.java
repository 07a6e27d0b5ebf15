package io.devopssim.core.spec;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A YAML mapping of a spec being read: typed access to its keys, each mistake reported with its path
 * and turned into an empty result, so that reading goes on and every problem is found in one pass.
 */
final class SpecNode {
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

    private final JsonNode node;
    private final String path;
    private final Problems problems;

    private SpecNode(JsonNode node, String path, Problems problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    /**
     * The mapping at {@code path}, after reporting any key not in {@code keys}; empty (and reported
     * unless it is merely absent and optional) when it is missing or not a mapping.
     */
    static Optional<SpecNode> map(JsonNode node, String path, Problems problems, boolean required, List<String> keys) {
        if (isAbsent(node)) {
            if (required) {
                problems.add(path, "required");
            }
            return Optional.empty();
        }
        if (!node.isObject()) {
            problems.add(path, "expected a map, got " + describe(node));
            return Optional.empty();
        }
        SpecNode map = new SpecNode(node, path, problems);
        map.reportUnknownKeys(keys);
        return Optional.of(map);
    }

    static boolean isAbsent(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull();
    }

    /** The path of a child key: {@code a.b}, or {@code a["b.c"]} for a key that would read as a path. */
    static String child(String path, String key) {
        if (!PLAIN_KEY.matcher(key).matches()) {
            return path + "[\"" + key.replace("\"", "\\\"") + "\"]";
        }
        return path.isEmpty() ? key : path + "." + key;
    }

    static String element(String path, int index) {
        return path + "[" + index + "]";
    }

    /** How a value reads in a message: text quoted, numbers and booleans as written, collections by kind. */
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
        if (node.isObject()) {
            return "a map";
        }
        return node.asText();
    }

    String path() {
        return path;
    }

    String path(String key) {
        return child(path, key);
    }

    Problems problems() {
        return problems;
    }

    boolean has(String key) {
        return !isAbsent(node.get(key));
    }

    /** The raw value of a key; reported as required when it is absent and {@code required}. */
    Optional<JsonNode> get(String key, boolean required) {
        JsonNode value = node.get(key);
        if (isAbsent(value)) {
            if (required) {
                problems.add(path(key), "required");
            }
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /**
     * A text value. Numbers and booleans are refused rather than converted: YAML reads {@code on} as
     * true and {@code 010} as 8, and a branch named "true" is never what was meant.
     */
    Optional<String> text(String key, boolean required) {
        return get(key, required).flatMap(value -> {
            if (value.isTextual() && !value.asText().isBlank()) {
                return Optional.of(value.asText());
            }
            if (value.isTextual()) {
                problems.add(path(key), "must not be blank");
            } else if (value.isValueNode()) {
                problems.add(path(key), "expected text, got " + describe(value) + " (put it in quotes if it is meant as text)");
            } else {
                problems.add(path(key), "expected text, got " + describe(value));
            }
            return Optional.empty();
        });
    }

    /** An integer in {@code min..max}. */
    Optional<Integer> integer(String key, boolean required, int min, int max) {
        return get(key, required).flatMap(value -> {
            if (!value.isIntegralNumber()) {
                problems.add(path(key), "expected an integer, got " + describe(value));
                return Optional.empty();
            }
            if (!value.canConvertToInt() || value.asInt() < min || value.asInt() > max) {
                problems.add(path(key), value.asText() + " is not in " + min + ".." + max);
                return Optional.empty();
            }
            return Optional.of(value.asInt());
        });
    }

    /** {@code true} or {@code false}; text such as "yes" is refused rather than guessed. */
    Optional<Boolean> bool(String key) {
        return get(key, false).flatMap(value -> {
            if (!value.isBoolean()) {
                problems.add(path(key), "expected true or false, got " + describe(value));
                return Optional.empty();
            }
            return Optional.of(value.asBoolean());
        });
    }

    /** Any 64-bit integer. */
    Optional<Long> longInteger(String key) {
        return get(key, false).flatMap(value -> {
            if (!value.isIntegralNumber()) {
                problems.add(path(key), "expected an integer, got " + describe(value));
                return Optional.empty();
            }
            if (!value.canConvertToLong()) {
                problems.add(path(key), value.asText() + " does not fit in 64 bits");
                return Optional.empty();
            }
            return Optional.of(value.asLong());
        });
    }

    /** A finite number. */
    Optional<Double> number(String key, boolean required) {
        return get(key, required).flatMap(value -> {
            if (!value.isNumber() || !Double.isFinite(value.asDouble())) {
                problems.add(path(key), "expected a number, got " + describe(value));
                return Optional.empty();
            }
            return Optional.of(value.asDouble());
        });
    }

    /** A positive duration: {@link Durations}' forms. */
    Optional<Duration> duration(String key, boolean required) {
        return get(key, required).flatMap(value -> duration(value, path(key), problems));
    }

    static Optional<Duration> duration(JsonNode value, String path, Problems problems) {
        if (!value.isTextual()) {
            problems.add(path, "expected a duration such as " + Durations.EXAMPLES + ", got " + describe(value));
            return Optional.empty();
        }
        Optional<Duration> parsed = Durations.parse(value.asText());
        if (parsed.isEmpty()) {
            problems.add(path, describe(value) + " is not a duration (use " + Durations.EXAMPLES + ")");
        } else if (parsed.get().isNegative() || parsed.get().isZero()) {
            problems.add(path, "must be positive, got " + value.asText());
            return Optional.empty();
        }
        return parsed;
    }

    private void reportUnknownKeys(List<String> keys) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!keys.contains(name)) {
                problems.add(path(name), unknownKey(name, keys));
            }
        }
    }

    /** {@code unknown key (did you mean pause?)}, or the keys that are known when none is close. */
    static String unknownKey(String name, List<String> keys) {
        return Suggestions.closest(name, keys)
                .map(s -> "unknown key (did you mean " + s + "?)")
                .orElseGet(() -> "unknown key (known: " + String.join(", ", keys) + ")");
    }

    /** The elements of a list; reported (and empty) when the value is not a list. */
    static Optional<List<JsonNode>> list(JsonNode value, String path, Problems problems) {
        if (!value.isArray()) {
            problems.add(path, "expected a list, got " + describe(value));
            return Optional.empty();
        }
        List<JsonNode> elements = new ArrayList<>();
        value.elements().forEachRemaining(elements::add);
        return Optional.of(elements);
    }
}
