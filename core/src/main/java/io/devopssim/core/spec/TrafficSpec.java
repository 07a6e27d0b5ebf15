package io.devopssim.core.spec;

import io.devopssim.core.gitops.ValueLocator;

import java.util.List;

/**
 * The spec's {@code traffic:} section: which {@code TrafficRouter} moves the canary's share of requests, with
 * that router's fields. Kubernetes routers act in {@link ClusterSpec#namespace()}.
 */
public sealed interface TrafficSpec {

    /** The router names, as written after {@code router:}. */
    List<String> ROUTERS = List.of("simulator", "replicas", "serviceSelector", "httpRoute", "argoRollouts", "gitops");

    /** The name written after {@code router:}. */
    String router();

    /** The default: the embedded simulated fleet. */
    record Simulator() implements TrafficSpec {
        @Override
        public String router() {
            return "simulator";
        }
    }

    /** Replica ratio between two Deployments behind one Service. */
    record Replicas(String stableDeployment, String canaryDeployment, int replicas) implements TrafficSpec {
        @Override
        public String router() {
            return "replicas";
        }
    }

    /** Blue-green: one label of a Service's selector picks the colour; weights are 0 or 100 only. */
    record ServiceSelector(String service, String colourLabel, String stableColour, String newColour)
            implements TrafficSpec {
        @Override
        public String router() {
            return "serviceSelector";
        }
    }

    /** Gateway API HTTPRoute: the weights of two backendRefs of one named rule. */
    record HttpRoute(String route, String rule, String stableService, String canaryService) implements TrafficSpec {
        @Override
        public String router() {
            return "httpRoute";
        }
    }

    /** An Argo Rollouts {@code Rollout}, moved along its own setWeight steps. */
    record ArgoRollouts(String rollout) implements TrafficSpec {
        @Override
        public String router() {
            return "argoRollouts";
        }
    }

    /**
     * The weight is a value in a manifest of the environment repository: every change is one commit that
     * Argo CD applies.
     *
     * @param repoUrl     the repository (by default {@code gitops.repo})
     * @param branch      its branch (by default {@code gitops.branch})
     * @param file        the manifest holding the weight
     * @param weight      where the weight is in it (a Helm value or a YAML path)
     * @param credentials for the repository (by default {@code gitops.credentials})
     * @param waitForSync after each weight commit, wait for Argo CD ({@code argocd:}) to be Synced and Healthy at it
     * @param stableWeight where the stable backend's weight is in the same file ({@code 100 -} the canary's), changed in
     *                    the same commit as the canary's (an HTTPRoute kept in Git); null when only one value moves
     */
    record GitOps(String repoUrl, String branch, String file, ValueLocator weight, CredentialsSpec credentials,
                  boolean waitForSync, ValueLocator stableWeight) implements TrafficSpec {

        /** One value moves: the canary's weight. */
        public GitOps(String repoUrl, String branch, String file, ValueLocator weight, CredentialsSpec credentials,
                      boolean waitForSync) {
            this(repoUrl, branch, file, weight, credentials, waitForSync, null);
        }

        @Override
        public String router() {
            return "gitops";
        }
    }
}
