package io.devopssim.chaos.jenkins;

import java.net.URI;
import java.util.Map;

/** Where an experiment's faults go, checked ({@link BackendSettingsReader}). Holds credential ids, never secrets. */
public sealed interface BackendSettings {

    enum Kind { SIMULATOR, KUBERNETES, GREMLIN }

    Kind kind();

    /** The embedded simulated fleet: a dry run. */
    record Simulator() implements BackendSettings {
        @Override
        public Kind kind() {
            return Kind.SIMULATOR;
        }
    }

    /**
     * A cluster, through a context of the controller's kubeconfig ({@code kubeContext}; neither it nor a server:
     * the kubeconfig's current context, or the controller's own service account in a pod), or an API server
     * URL with a token credential.
     */
    record Kubernetes(String namespace, String kubeContext, URI serverUrl, String tokenCredentialsId,
                      Map<String, String> canaryLabels, Map<String, String> appLabels) implements BackendSettings {
        public Kubernetes {
            canaryLabels = Map.copyOf(canaryLabels);
            appLabels = Map.copyOf(appLabels);
        }

        @Override
        public Kind kind() {
            return Kind.KUBERNETES;
        }
    }

    /** Gremlin's API, with a key (and team) from a credential; {@code teamId} null when the credential names it. */
    record Gremlin(String credentialsId, String teamId, Map<String, String> canaryLabels, Map<String, String> appLabels)
            implements BackendSettings {
        public Gremlin {
            canaryLabels = Map.copyOf(canaryLabels);
            appLabels = Map.copyOf(appLabels);
        }

        @Override
        public Kind kind() {
            return Kind.GREMLIN;
        }
    }
}
