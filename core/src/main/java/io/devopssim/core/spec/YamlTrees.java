package io.devopssim.core.spec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Parses the YAML of a spec to a tree, refusing duplicate keys; a syntax error is one {@link SpecProblem}
 * with its line and column. Shared by every spec reader (rollouts here, cluster registries and wave plans in
 * the plugins). Thread-safe.
 */
public final class YamlTrees {
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*)'.*", Pattern.DOTALL);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    private YamlTrees() {
    }

    /** The document as a tree (a missing node for an empty document). */
    public static JsonNode read(String yamlText) throws InvalidSpecException {
        try {
            return YAML.readTree(yamlText);
        } catch (JsonProcessingException e) {
            throw new InvalidSpecException(List.of(new SpecProblem("", syntaxError(e))));
        }
    }

    /** {@code YAML syntax error at line 3, column 5: mapping values are not allowed here}. */
    static String syntaxError(JsonProcessingException e) {
        Matcher duplicate = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
        String what = duplicate.matches()
                ? "duplicate key \"" + duplicate.group(1) + "\""
                : Arrays.stream(String.valueOf(e.getOriginalMessage()).split("\n"))
                        // SnakeYAML adds " in 'reader', line..." and an excerpt with a caret: the location says it
                        .filter(line -> !line.isBlank() && !line.startsWith(" in ") && !line.startsWith("    "))
                        .map(String::strip)
                        .collect(Collectors.joining("; "));
        JsonLocation where = e.getLocation();
        if (where == null || where.getLineNr() < 1) {
            return "YAML syntax error: " + what;
        }
        return "YAML syntax error at line " + where.getLineNr() + ", column " + where.getColumnNr() + ": " + what;
    }
}
