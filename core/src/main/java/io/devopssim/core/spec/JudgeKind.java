package io.devopssim.core.spec;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Which judge analysis steps use. */
public enum JudgeKind {
    /** Bounds on the canary's mean, absolute and relative to the baseline (Flagger-style). */
    THRESHOLD("threshold"),
    /** Per-metric Mann-Whitney U classification and a weighted score, in the manner of Kayenta. */
    MANN_WHITNEY("mannWhitney");

    private final String yamlName;

    JudgeKind(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }

    public static Optional<JudgeKind> fromYaml(String name) {
        return Arrays.stream(values()).filter(k -> k.yamlName.equals(name)).findFirst();
    }

    public static List<String> yamlNames() {
        return Arrays.stream(values()).map(JudgeKind::yamlName).toList();
    }
}
