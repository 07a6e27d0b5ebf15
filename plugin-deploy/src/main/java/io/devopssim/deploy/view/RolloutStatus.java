package io.devopssim.deploy.view;

import io.devopssim.core.state.RolloutPhase;

/** Where a rollout stands, as a person reads it on a build page or a badge. */
public enum RolloutStatus {
    NOT_STARTED("not started", Tone.NEUTRAL),
    RUNNING("running", Tone.NEUTRAL),
    PAUSED("paused", Tone.WARNING),
    ROLLING_BACK("rolling back", Tone.WARNING),
    PROMOTED("promoted", Tone.SUCCESS),
    ROLLED_BACK("rolled back", Tone.DANGER),
    ABORTED("aborted", Tone.DANGER),
    FAILED("failed", Tone.DANGER);

    /** How a status is coloured; views map it to their own classes. */
    public enum Tone { NEUTRAL, SUCCESS, WARNING, DANGER }

    private final String label;
    private final Tone tone;

    RolloutStatus(String label, Tone tone) {
        this.label = label;
        this.tone = tone;
    }

    public String label() {
        return label;
    }

    public Tone tone() {
        return tone;
    }

    public boolean isFinal() {
        return this == PROMOTED || this == ROLLED_BACK || this == ABORTED || this == FAILED;
    }

    /** Promoting and verifying are still running: only a saved terminal phase is a result. */
    public static RolloutStatus of(RolloutPhase phase) {
        if (phase == null) {
            return NOT_STARTED;
        }
        return switch (phase) {
            case PROGRESSING, PROMOTING, VERIFYING -> RUNNING;
            case PAUSED -> PAUSED;
            case ROLLING_BACK -> ROLLING_BACK;
            case PROMOTED -> PROMOTED;
            case ROLLED_BACK -> ROLLED_BACK;
            case ABORTED -> ABORTED;
            case FAILED -> FAILED;
        };
    }
}
