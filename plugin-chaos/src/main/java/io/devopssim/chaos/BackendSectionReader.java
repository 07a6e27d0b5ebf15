package io.devopssim.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import io.devopssim.core.spec.SpecProblem;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a spec's {@code backend:} section: {@code backend: kubernetes}, or a map with {@code type} and that
 * backend's settings. A key that names a secret (a token, key or password) is refused with where the secret goes
 * instead, and its value is never repeated: a spec file is shared, committed and printed.
 */
final class BackendSectionReader {
    private static final String PATH = "backend";
    private static final List<String> SECRET_WORDS = List.of("token", "password", "secret", "apikey", "key", "privatekey",
            "clientkey", "certdata");

    private BackendSectionReader() {
    }

    static Optional<BackendChoice> read(JsonNode section, List<SpecProblem> problems) {
        if (section.isTextual()) {
            return type(section.asText(), PATH, problems).map(t -> new BackendChoice(t, Map.of()));
        }
        if (!section.isObject()) {
            problems.add(new SpecProblem(PATH, "expected a backend type (" + types() + ") or a map with type, got "
                    + Fields.describe(section)));
            return Optional.empty();
        }
        JsonNode typeNode = section.get("type");
        Optional<String> type;
        if (Fields.isAbsent(typeNode)) {
            problems.add(new SpecProblem(PATH + ".type", "required (" + types() + ")"));
            type = Optional.empty();
        } else if (!typeNode.isTextual()) {
            problems.add(new SpecProblem(PATH + ".type", "expected text, got " + Fields.describe(typeNode)));
            type = Optional.empty();
        } else {
            type = type(typeNode.asText(), PATH + ".type", problems);
        }
        Set<String> allowed = new LinkedHashSet<>();
        type.ifPresentOrElse(t -> allowed.addAll(BackendChoice.SETTINGS.get(t)),
                () -> BackendChoice.SETTINGS.values().forEach(allowed::addAll));
        Map<String, String> settings = new LinkedHashMap<>();
        boolean fine = true;
        for (Iterator<Map.Entry<String, JsonNode>> it = section.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            String path = PATH + "." + key;
            if (key.equals("type")) {
                continue;
            }
            if (looksSecret(key)) {
                problems.add(new SpecProblem(path, "secrets never go in the spec: keep it in a Jenkins credential and give its id"
                        + " (credentialsId" + (type.orElse("").equals("kubernetes") ? ", caCredentialsId" : "") + ")"));
                fine = false;
            } else if (!allowed.contains(key)) {
                problems.add(new SpecProblem(path, "unknown key for the " + type.orElse("") + " backend (known: "
                        + (allowed.isEmpty() ? "none" : String.join(", ", allowed)) + ")"));
                fine = false;
            } else {
                Optional<String> value = key.endsWith("Labels") ? labels(e.getValue(), path, problems) : text(e.getValue(), path, problems);
                value.ifPresent(v -> settings.put(key, v));
                fine &= value.isPresent();
            }
        }
        return fine ? type.map(t -> new BackendChoice(t, settings)) : Optional.empty();
    }

    private static Optional<String> type(String text, String path, List<SpecProblem> problems) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (BackendChoice.SETTINGS.containsKey(t)) {
            return Optional.of(t);
        }
        problems.add(new SpecProblem(path, "must be " + types() + ", not \"" + text + "\""));
        return Optional.empty();
    }

    private static String types() {
        return "simulator, kubernetes or gremlin";
    }

    static boolean looksSecret(String key) {
        String k = key.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
        if (k.endsWith("id") || k.equals("cacertificate")) {
            return false; // a credential's id, a team id, a public CA certificate
        }
        return SECRET_WORDS.stream().anyMatch(k::endsWith) || k.contains("password") || k.contains("token") || k.contains("secret");
    }

    private static Optional<String> text(JsonNode value, String path, List<SpecProblem> problems) {
        if (value.isTextual() && !value.asText().isBlank()) {
            return Optional.of(value.asText());
        }
        problems.add(new SpecProblem(path, "expected text, got " + Fields.describe(value)));
        return Optional.empty();
    }

    /** A map of labels, or the step's {@code k=v,k2=v2} form. */
    private static Optional<String> labels(JsonNode value, String path, List<SpecProblem> problems) {
        if (!value.isObject()) {
            return text(value, path, problems);
        }
        if (value.isEmpty()) {
            problems.add(new SpecProblem(path, "expected at least one label"));
            return Optional.empty();
        }
        List<String> pairs = new ArrayList<>();
        Set<String> bad = new TreeSet<>();
        value.fields().forEachRemaining(e -> {
            if (e.getValue().isTextual() && !e.getValue().asText().isBlank()) {
                pairs.add(e.getKey() + "=" + e.getValue().asText());
            } else {
                bad.add(e.getKey());
            }
        });
        for (String key : bad) {
            problems.add(new SpecProblem(path + "." + key, "expected text (put it in quotes if it is meant as text)"));
        }
        return bad.isEmpty() ? Optional.of(String.join(",", pairs)) : Optional.empty();
    }
}
