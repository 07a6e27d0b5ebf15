package io.devopssim.multicloud;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What a wave does when one of its clusters turns unhealthy (API unreachable, nodes not Ready, Application Degraded). */
public enum FailoverPolicy {
    /** Leave the cluster out of this release: its part of the wave is rolled back by commit, the others go on. */
    SKIP,
    /** As SKIP, and first give its traffic share to the healthy clusters of the same wave in one commit of weights. */
    SHIFT,
    /** The wave fails: every cluster it touched is rolled back by commit, and no further wave starts. */
    ABORT;

    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<FailoverPolicy> fromYaml(String name) {
        return Arrays.stream(values()).filter(p -> p.yamlName().equals(name)).findFirst();
    }

    public static List<String> yamlNames() {
        return Arrays.stream(values()).map(FailoverPolicy::yamlName).toList();
    }
}
