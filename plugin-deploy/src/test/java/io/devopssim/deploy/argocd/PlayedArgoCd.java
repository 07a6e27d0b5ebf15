package io.devopssim.deploy.argocd;

import io.devopssim.core.time.Clock;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The Application {@code checkout-prod} on fabric8's CRUD mock (with Argo CD's CRD registered), and the test's part
 * of Argo CD's controller: finishing the syncs the engine asks for with the health the test chooses.
 */
final class PlayedArgoCd {
    static final String NS = "argocd";
    static final String APP = "checkout-prod";

    private final KubernetesClient client;

    PlayedArgoCd(KubernetesClient client) {
        this.client = client;
    }

    /** A fresh Application, Synced and Healthy at an older revision. */
    void reset() {
        app().delete();
        client.genericKubernetesResources(KubernetesArgoCdApplications.API_VERSION, KubernetesArgoCdApplications.KIND)
                .inNamespace(NS).load(new ByteArrayInputStream("""
                        apiVersion: argoproj.io/v1alpha1
                        kind: Application
                        metadata: {name: checkout-prod, namespace: argocd}
                        spec:
                          project: default
                          source: {repoURL: https://git.example/env.git, path: apps/checkout, targetRevision: main}
                          destination: {server: https://kubernetes.default.svc, namespace: payments}
                        status:
                          sync: {status: Synced, revision: "1111111111111111111111111111111111111111"}
                          health: {status: Healthy}
                        """.getBytes(StandardCharsets.UTF_8))).create();
    }

    /** What the engine waits with: the Application resource, a 5-minute timeout, a sync asked for. */
    ArgoCdVerifier verifier(Clock clock) {
        return new ArgoCdVerifier(new KubernetesArgoCdApplications(client, NS), APP, Duration.ofMinutes(5), true, clock);
    }

    /** The revision a sync was asked for, or null when none is pending. */
    Object requestedRevision() {
        return app().get().get("operation", "sync", "revision");
    }

    /** Argo CD's controller finished the sync: records the result and clears {@code .operation}. */
    void finished(String revision, String health) {
        app().patch(PatchContext.of(PatchType.JSON_MERGE), """
                {"status":{"operationState":{"phase":"Succeeded","message":"synced","startedAt":"2026-11-23T09:00:01Z",
                 "finishedAt":"2026-11-23T09:00:09Z","syncResult":{"revision":"%s"}},
                 "sync":{"status":"Synced","revision":"%s"},"health":{"status":"%s"}}}
                """.formatted(revision, revision, health));
        if (app().get().getAdditionalProperties().get("operation") != null) {
            app().patch(PatchContext.of(PatchType.JSON), "[{\"op\":\"remove\",\"path\":\"/operation\"}]");
        }
    }

    private Resource<GenericKubernetesResource> app() {
        return client.genericKubernetesResources(KubernetesArgoCdApplications.API_VERSION,
                KubernetesArgoCdApplications.KIND).inNamespace(NS).withName(APP);
    }
}
