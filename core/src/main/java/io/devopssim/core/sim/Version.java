package io.devopssim.core.sim;

/** The two versions that share the simulated fleet. */
public enum Version {
    STABLE("stable", "baseline"),
    CANARY("canary", "canary");

    private final String label;
    private final String track;

    Version(String label, String track) {
        this.label = label;
        this.track = track;
    }

    /** The {@code version} label value in /metrics. */
    public String label() {
        return label;
    }

    /**
     * The {@code track} label value in /metrics, in Kayenta's vocabulary (baseline / canary), so that
     * canary-analysis configurations written for Spinnaker can select series unchanged.
     */
    public String track() {
        return track;
    }
}
