package io.devopssim.multicloud.jenkins;

import io.devopssim.multicloud.ClusterFields;
import io.devopssim.multicloud.ClusterValidation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Between the form's text fields ({@link ClusterConfig}) and the engine's {@link ClusterFields}: labels as
 * {@code key=value} pairs, Applications as a list of names, the auth kind to the one reference it names.
 * Holds no rule of its own beyond the text formats: the rules are {@link ClusterValidation}'s.
 */
final class ClusterBinding {
    private ClusterBinding() {
    }

    static ClusterFields fields(ClusterConfig c) {
        String kind = c.getAuthKind() == null ? ClusterConfig.AUTH_TOKEN : c.getAuthKind();
        return new ClusterFields(c.getName(), c.getCloud(), c.getRegion(), labels(c.getLabels()), c.getApiEndpoint(),
                c.getCaCertificate(),
                kind.equals(ClusterConfig.AUTH_KUBECONFIG) ? c.getKubeconfigContext() : null,
                kind.equals(ClusterConfig.AUTH_TOKEN) ? c.getCredentialsId() : null,
                kind.equals(ClusterConfig.AUTH_CLIENT_CERTIFICATE) ? c.getCredentialsId() : null,
                c.getArgoCdNamespace(), words(c.getArgoCdApplications()), c.getEnvPath());
    }

    /** {@code tier=canary, team=payments} (commas or new lines between pairs); malformed pairs are dropped here and reported by {@link #labelsProblem}. */
    static Map<String, String> labels(String text) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String pair : pairs(text)) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                labels.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
            }
        }
        return labels;
    }

    static Optional<String> labelsProblem(String text) {
        for (String pair : pairs(text)) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                return Optional.of("\"" + pair + "\" is not key=value");
            }
            Optional<String> problem = ClusterValidation.checkLabel(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    /** Names separated by commas or white space. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        if (text != null) {
            for (String w : text.split("[,\\s]+")) {
                if (!w.isBlank()) {
                    words.add(w);
                }
            }
        }
        return words;
    }

    private static List<String> pairs(String text) {
        List<String> pairs = new ArrayList<>();
        if (text != null) {
            for (String p : text.split("[,\\n]")) {
                if (!p.isBlank()) {
                    pairs.add(p.strip());
                }
            }
        }
        return pairs;
    }
}
