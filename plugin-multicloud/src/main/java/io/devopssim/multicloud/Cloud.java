package io.devopssim.multicloud;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Where a cluster runs. The managed offerings are named for the summary and labels; any conformant cluster is {@link #OTHER}. */
public enum Cloud {
    EKS("Amazon EKS"),
    AKS("Azure AKS"),
    GKE("Google GKE"),
    DOKS("DigitalOcean DOKS"),
    OTHER("Kubernetes");

    private final String displayName;

    Cloud(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    /** The name in YAML and in the Jenkins form: {@code eks}, {@code aks}, ... */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Cloud> fromYaml(String name) {
        return Arrays.stream(values()).filter(c -> c.yamlName().equals(name)).findFirst();
    }

    public static List<String> yamlNames() {
        return Arrays.stream(values()).map(Cloud::yamlName).toList();
    }
}
