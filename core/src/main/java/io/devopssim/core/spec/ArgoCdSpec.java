package io.devopssim.core.spec;

import java.time.Duration;

/**
 * The spec's {@code argocd:} section: after each promotion (and each GitOps weight commit, with
 * {@code waitForSync}), wait until the Application is Synced and Healthy at the commit.
 *
 * @param application the Argo CD Application that deploys the environment repository's path
 * @param via         through the Kubernetes API (the Application resource) or Argo CD's REST API
 * @param namespace   where the Application resources are ({@code kubernetes}; default {@code argocd})
 * @param server      Argo CD's URL ({@code rest})
 * @param tokenEnv    environment variable holding an Argo CD API token ({@code rest})
 * @param timeout     how long to wait for Synced and Healthy before rolling back
 * @param requestSync ask for a hard refresh and a sync; false for an Application with auto-sync
 */
public record ArgoCdSpec(String application, Via via, String namespace, String server, String tokenEnv,
                         Duration timeout, boolean requestSync) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);
    public static final String DEFAULT_NAMESPACE = "argocd";

    /** How Argo CD is reached. */
    public enum Via {
        KUBERNETES("kubernetes"), REST("rest");

        private final String yamlName;

        Via(String yamlName) {
            this.yamlName = yamlName;
        }

        public String yamlName() {
            return yamlName;
        }
    }
}
