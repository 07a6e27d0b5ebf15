package io.devopssim.chaos.jenkins;

import io.devopssim.chaos.PrometheusSource;

import java.net.URI;
import java.util.Map;

/**
 * Where an experiment's faults go and where its metric probes read, checked ({@link BackendSettingsReader}).
 * Holds credential ids, never secrets.
 */
public sealed interface BackendSettings {

    enum Kind { SIMULATOR, KUBERNETES, GREMLIN }

    Kind kind();

    /** The embedded simulated fleet: a dry run; probes read the fleet's own metrics. */
    record Simulator() implements BackendSettings {
        @Override
        public Kind kind() {
            return Kind.SIMULATOR;
        }
    }

    /**
     * A cluster, through a context of the controller's kubeconfig ({@code kubeContext}; neither it nor a server:
     * the kubeconfig's current context, or the controller's own service account in a pod), or an API server
     * URL with a token credential, and optionally the CA that signed the server's certificate.
     *
     * @param ca      null: the JVM's (or the kubeconfig's) trust
     * @param metrics null when no probe reads metrics
     */
    record Kubernetes(String namespace, String kubeContext, URI serverUrl, String tokenCredentialsId, CaSource ca,
                      Map<String, String> canaryLabels, Map<String, String> appLabels, PrometheusSource metrics)
            implements BackendSettings {
        public Kubernetes {
            canaryLabels = Map.copyOf(canaryLabels);
            appLabels = Map.copyOf(appLabels);
        }

        /** Without a CA or a metrics source. */
        public Kubernetes(String namespace, String kubeContext, URI serverUrl, String tokenCredentialsId,
                          Map<String, String> canaryLabels, Map<String, String> appLabels) {
            this(namespace, kubeContext, serverUrl, tokenCredentialsId, null, canaryLabels, appLabels, null);
        }

        @Override
        public Kind kind() {
            return Kind.KUBERNETES;
        }
    }

    /**
     * Gremlin's API, with a key (and team) from a credential; {@code teamId} null when the credential names it.
     *
     * @param metrics null when no probe reads metrics
     */
    record Gremlin(String credentialsId, String teamId, Map<String, String> canaryLabels, Map<String, String> appLabels,
                   PrometheusSource metrics) implements BackendSettings {
        public Gremlin {
            canaryLabels = Map.copyOf(canaryLabels);
            appLabels = Map.copyOf(appLabels);
        }

        /** Without a metrics source. */
        public Gremlin(String credentialsId, String teamId, Map<String, String> canaryLabels, Map<String, String> appLabels) {
            this(credentialsId, teamId, canaryLabels, appLabels, null);
        }

        @Override
        public Kind kind() {
            return Kind.GREMLIN;
        }
    }

    /** The CA of a Kubernetes API server: PEM given as it is (not a secret), or the id of a credential holding it. */
    sealed interface CaSource {
        record Pem(String pem) implements CaSource {
        }

        record Credential(String credentialsId) implements CaSource {
        }
    }
}
