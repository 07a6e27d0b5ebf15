package io.devopssim.chaos;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A spec's {@code backend:} section: which backend runs the faults and its non-secret settings (names, URLs,
 * labels, credential ids), as written. {@link ExperimentReader} checks the keys against the type; whoever runs
 * the experiment checks the values (the Jenkins step, whose arguments override them).
 *
 * @param type     {@code simulator}, {@code kubernetes} or {@code gremlin}
 * @param settings setting name to its text, in the file's order; labels as {@code k=v,k2=v2}
 */
public record BackendChoice(String type, Map<String, String> settings) {
    /** The settings each backend takes. Secrets are none of them: a spec names a credential, never holds one. */
    public static final Map<String, List<String>> SETTINGS = Map.of(
            "simulator", List.of(),
            "kubernetes", List.of("namespace", "kubeContext", "serverUrl", "credentialsId", "caCertificate",
                    "caCredentialsId", "canaryLabels", "appLabels"),
            "gremlin", List.of("credentialsId", "teamId", "canaryLabels", "appLabels"));

    public BackendChoice {
        Objects.requireNonNull(type, "type");
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }
}
