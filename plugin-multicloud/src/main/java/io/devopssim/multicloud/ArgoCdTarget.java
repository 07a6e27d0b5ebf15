package io.devopssim.multicloud;

import java.util.List;

/**
 * The Argo CD Applications that deploy the release to a cluster, read through that cluster's API (Argo CD
 * installed in the cluster, the {@code Application} resources in {@code namespace}).
 *
 * @param namespace    where the Application resources live (usually {@code argocd})
 * @param applications their names; empty when no Argo CD runs there (then health is API and nodes only)
 */
public record ArgoCdTarget(String namespace, List<String> applications) {
    public static final String DEFAULT_NAMESPACE = "argocd";
    public static final ArgoCdTarget NONE = new ArgoCdTarget(DEFAULT_NAMESPACE, List.of());

    public ArgoCdTarget {
        applications = List.copyOf(applications);
    }
}
