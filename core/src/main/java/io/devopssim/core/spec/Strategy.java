package io.devopssim.core.spec;

/** How a release reaches its users; the YAML names are Argo Rollouts' where it has one. */
public enum Strategy {
    /** Ordered steps of growing traffic weight, analysed on the way (the {@code steps:} list). */
    CANARY("canary"),
    /** The release runs beside the active version as a preview, then takes all traffic at once ({@code blueGreen:}). */
    BLUE_GREEN("blueGreen"),
    /** Canary steps at small weights, then a blue-green cut-over ({@code steps:} and {@code blueGreen:}). */
    HYBRID("hybrid"),
    /** Replicas replaced batch by batch, health checked per batch ({@code rolling:}). */
    ROLLING("rolling");

    private final String yamlName;

    Strategy(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }

    /** Whether the spec's {@code steps:} list drives it. */
    public boolean hasSteps() {
        return this == CANARY || this == HYBRID;
    }

    /** Whether it ends with a blue-green cut-over, configured by {@code blueGreen:}. */
    public boolean cutsOver() {
        return this == BLUE_GREEN || this == HYBRID;
    }
}
