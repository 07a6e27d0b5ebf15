package io.devopssim.chaos.jenkins;

import java.io.Serializable;

/**
 * The step's arguments that say where the faults go, as given (blank ones as null). Serialized with the
 * Pipeline program: names and ids only, never a secret; {@link BackendSettingsReader} checks them.
 *
 * @param backend       {@code simulator} (default), {@code kubernetes} or {@code gremlin}
 * @param namespace     Kubernetes: the target's namespace
 * @param kubeContext   Kubernetes: a context of the controller's kubeconfig
 * @param serverUrl     Kubernetes: the API server, with a token from {@code credentialsId}
 * @param credentialsId Kubernetes: a secret text holding the token; Gremlin: a secret text holding the API key,
 *                      or a username/password whose username is the team id and password the API key
 * @param teamId        Gremlin: the team, when the credential is a secret text
 * @param canaryLabels  labels of the canary's pods/containers, {@code k=v,k2=v2}
 * @param appLabels     labels of the whole app's pods/containers, for a percentage target
 */
public record BackendArguments(String backend, String namespace, String kubeContext, String serverUrl, String credentialsId,
                               String teamId, String canaryLabels, String appLabels) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The embedded simulated fleet, no other argument. */
    public static final BackendArguments SIMULATOR = new BackendArguments(null, null, null, null, null, null, null, null);
}
