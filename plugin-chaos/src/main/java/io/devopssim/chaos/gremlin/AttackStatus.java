package io.devopssim.chaos.gremlin;

import java.util.Map;
import java.util.Set;

/**
 * What Gremlin says about one attack (a {@code Task}, API.md "Get / list attacks").
 *
 * <p>Which stages are terminal is <b>inference</b> (API.md, Gaps 3): no source lists them; we read the
 * names as API.md does. An unknown stage counts as still running, so the caller halts it at its timeout.
 *
 * @param guid           the attack
 * @param stage          Gremlin's stage name, e.g. {@code Running}
 * @param stageLifecycle {@code Error} marks a failure (attested by Spinnaker); other values unknown
 * @param ended          whether the task has an {@code endTime}
 * @param annotations    the task's {@code annotations} (a Task field in API.md); empty when it has none
 */
public record AttackStatus(String guid, String stage, String stageLifecycle, boolean ended, Map<String, String> annotations) {
    static final Set<String> SUCCEEDED = Set.of("Successful");
    static final Set<String> HALTED = Set.of("UserHalted", "Halt", "HaltDistributed");
    static final Set<String> FAILED = Set.of("Failed", "HaltFailed", "ClientAborted", "LostCommunication",
            "InitializationFailed", "TeardownFailed", "InvalidArgument", "TargetNotFound");

    public AttackStatus {
        annotations = Map.copyOf(annotations);
    }

    public AttackStatus(String guid, String stage, String stageLifecycle, boolean ended) {
        this(guid, stage, stageLifecycle, ended, Map.of());
    }

    public boolean failed() {
        return "Error".equals(stageLifecycle) || FAILED.contains(stage);
    }

    /** Halted by someone, or on its way there (Halt and HaltDistributed lead to UserHalted). */
    public boolean halted() {
        return HALTED.contains(stage);
    }

    public boolean succeeded() {
        return SUCCEEDED.contains(stage);
    }

    /** True while the attack may still act on its targets. */
    public boolean mayBeActive() {
        return !failed() && !succeeded() && !"UserHalted".equals(stage) && !ended;
    }
}
