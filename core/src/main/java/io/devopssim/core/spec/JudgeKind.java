package io.devopssim.core.spec;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Which judge analysis steps use. */
public enum JudgeKind {
    /** Bounds on the canary's mean, absolute and relative to the baseline (Flagger-style). */
    THRESHOLD("threshold"),
    /** Per-metric Mann-Whitney U classification and a weighted score, in the manner of Kayenta. */
    MANN_WHITNEY("mannWhitney"),
    /** A trained XGBoost model: the probability that the release is bad, with SHAP reasons. Needs {@code model}. */
    XGBOOST("xgboost"),
    /**
     * Single-series anomaly detection over the canary's points of each criterion metric, the baseline's as the
     * control: a rise the baseline does not share fails (plugin-ml-gate). Mostly a stage of {@code combined}.
     */
    ANOMALY("anomaly"),
    /** Several of the others in order (by default thresholds, then Mann-Whitney, then the model). */
    COMBINED("combined");

    /** What {@code combined} runs when {@code stages} is not given: hard limits, statistics, then the model. */
    public static final List<JudgeKind> DEFAULT_STAGES = List.of(THRESHOLD, MANN_WHITNEY, XGBOOST);

    private final String yamlName;

    JudgeKind(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }

    /** Whether this judge reads the spec's {@code metrics} criteria (the model reads its own features). */
    public boolean readsCriteria() {
        return this == THRESHOLD || this == MANN_WHITNEY || this == ANOMALY;
    }

    public static Optional<JudgeKind> fromYaml(String name) {
        return Arrays.stream(values()).filter(k -> k.yamlName.equals(name)).findFirst();
    }

    public static List<String> yamlNames() {
        return Arrays.stream(values()).map(JudgeKind::yamlName).toList();
    }

    /** What a {@code combined} judge may run: every judge but itself. */
    public static List<String> stageNames() {
        return Arrays.stream(values()).filter(k -> k != COMBINED).map(JudgeKind::yamlName).toList();
    }
}
