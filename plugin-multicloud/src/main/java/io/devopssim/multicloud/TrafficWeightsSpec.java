package io.devopssim.multicloud;

import io.devopssim.core.gitops.ValueLocator;

/**
 * Where the clusters' shares of the application's traffic live in the environment repository: one manifest
 * with one weight per cluster (for example external-dns weighted records, or a global load balancer's pool),
 * keyed by cluster name under {@code prefix}.
 *
 * @param file   the manifest, relative to the repository root (not to a cluster's folder)
 * @param prefix a Helm key ({@code weights}, so a cluster's weight is {@code weights.<cluster>}) or a YAML path
 * @param helm   whether {@code prefix} is a Helm key (otherwise a YAML path)
 */
public record TrafficWeightsSpec(String file, String prefix, boolean helm) {

    /** Where one cluster's weight is. */
    public ValueLocator locator(String cluster) {
        return helm ? new ValueLocator.HelmValue(prefix + "." + cluster) : new ValueLocator.YamlPath(prefix + "." + cluster);
    }
}
