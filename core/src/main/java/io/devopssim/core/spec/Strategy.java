package io.devopssim.core.spec;

/** How a release reaches its users. Blue-green, hybrid and rolling come with issue #3. */
public enum Strategy {
    CANARY("canary");

    private final String yamlName;

    Strategy(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }
}
