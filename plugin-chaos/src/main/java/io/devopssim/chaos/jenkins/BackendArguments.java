package io.devopssim.chaos.jenkins;

import java.io.Serializable;

/**
 * The step's arguments that say where the faults go and where metric probes read, as given (blank ones as null).
 * Serialized with the Pipeline program: names, URLs and ids only, never a secret; {@link BackendSettingsReader}
 * merges them over the spec's {@code backend:} and {@code metrics:} sections and checks them.
 *
 * @param backend          {@code simulator} (default), {@code kubernetes} or {@code gremlin}
 * @param namespace        Kubernetes: the target's namespace
 * @param kubeContext      Kubernetes: a context of the controller's kubeconfig
 * @param serverUrl        Kubernetes: the API server, with a token from {@code credentialsId}
 * @param credentialsId    Kubernetes: a secret text holding the token; Gremlin: a secret text holding the API key,
 *                         or a username/password whose username is the team id and password the API key
 * @param teamId           Gremlin: the team, when the credential is a secret text
 * @param canaryLabels     labels of the canary's pods/containers, {@code k=v,k2=v2}
 * @param appLabels        labels of the whole app's pods/containers, for a percentage target
 * @param caCertificate    Kubernetes: PEM of the CA that signed the API server's certificate (not a secret)
 * @param caCredentialsId  Kubernetes: a secret file or secret text credential holding that PEM
 * @param prometheusUrl    Kubernetes, Gremlin: Prometheus (or Thanos Query) for metric probes
 * @param canarySelector   PromQL label matchers of the canary; default: from {@code canaryLabels}
 * @param baselineSelector PromQL label matchers of the baseline, for probes {@code on: baseline}
 */
public record BackendArguments(String backend, String namespace, String kubeContext, String serverUrl, String credentialsId,
                               String teamId, String canaryLabels, String appLabels, String caCertificate,
                               String caCredentialsId, String prometheusUrl, String canarySelector,
                               String baselineSelector) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** None given: the spec's sections, or the embedded simulated fleet. */
    public static final BackendArguments SIMULATOR = new BackendArguments(null, null, null, null, null, null, null, null);

    /** Without a CA or a metrics source. */
    public BackendArguments(String backend, String namespace, String kubeContext, String serverUrl, String credentialsId,
                            String teamId, String canaryLabels, String appLabels) {
        this(backend, namespace, kubeContext, serverUrl, credentialsId, teamId, canaryLabels, appLabels, null, null, null,
                null, null);
    }

    /** These arguments with a metrics source. */
    public BackendArguments withPrometheus(String url, String canary, String baseline) {
        return new BackendArguments(backend, namespace, kubeContext, serverUrl, credentialsId, teamId, canaryLabels, appLabels,
                caCertificate, caCredentialsId, url, canary, baseline);
    }

    /** These arguments with a CA for the Kubernetes API server. */
    public BackendArguments withCa(String pem, String credentialsId) {
        return new BackendArguments(backend, namespace, kubeContext, serverUrl, this.credentialsId, teamId, canaryLabels,
                appLabels, pem, credentialsId, prometheusUrl, canarySelector, baselineSelector);
    }

    /** The argument of that name; null when not given. */
    String get(String name) {
        return switch (name) {
            case "backend" -> backend;
            case "namespace" -> namespace;
            case "kubeContext" -> kubeContext;
            case "serverUrl" -> serverUrl;
            case "credentialsId" -> credentialsId;
            case "teamId" -> teamId;
            case "canaryLabels" -> canaryLabels;
            case "appLabels" -> appLabels;
            case "caCertificate" -> caCertificate;
            case "caCredentialsId" -> caCredentialsId;
            case "prometheusUrl" -> prometheusUrl;
            case "canarySelector" -> canarySelector;
            case "baselineSelector" -> baselineSelector;
            default -> throw new IllegalArgumentException(name);
        };
    }
}
