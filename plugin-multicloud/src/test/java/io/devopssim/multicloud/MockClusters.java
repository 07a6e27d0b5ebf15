package io.devopssim.multicloud;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Clusters of different clouds, each a fabric8 mock API server in CRUD mode on 127.0.0.1 (plain HTTP) with three
 * Ready nodes, Argo CD's Application CRD and one Healthy Application. The tests break them as clusters break: a
 * node NotReady, an Application Degraded, the API server gone. Each has a bearer token of its own, resolved from a
 * credential id, that nothing may ever print.
 */
public final class MockClusters implements AutoCloseable {
    public static final String APP = "checkout";
    public static final String ARGOCD_NS = "argocd";

    private final Map<String, KubernetesMockServer> servers = new LinkedHashMap<>();
    private final Map<String, KubernetesClient> admins = new LinkedHashMap<>();
    private final Map<String, String> tokens = new LinkedHashMap<>();
    private final List<ClusterFields> fields = new ArrayList<>();

    /** @param clusters name to cloud, e.g. {@code do-ams3 -> doks} */
    public MockClusters(Map<String, String> clusters) {
        clusters.forEach(this::add);
    }

    private void add(String name, String cloud) {
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(List.of()), false);
        server.init();
        KubernetesClient admin = server.createClient();
        servers.put(name, server);
        admins.put(name, admin);
        for (int i = 1; i <= 3; i++) {
            admin.nodes().resource(node(name + "-node-" + i, true)).create();
        }
        registerApplicationCrd(admin);
        admin.genericKubernetesResources("argoproj.io/v1alpha1", "Application").inNamespace(ARGOCD_NS)
                .load(new ByteArrayInputStream(application(name).getBytes(StandardCharsets.UTF_8))).create();
        String token = "tok-" + name + "-" + UUID.randomUUID();
        tokens.put(name + "-token", token);
        fields.add(new ClusterFields(name, cloud, region(cloud), Map.of("cloud", cloud),
                "http://127.0.0.1:" + server.getPort(), null, null, name + "-token", null, ARGOCD_NS, List.of(APP),
                "clusters/" + name));
    }

    public ClusterRegistry registry() throws Exception {
        return ClusterValidation.registry(fields, "clusters");
    }

    /** Resolves each cluster's token credential id to its token. */
    public CredentialResolver credentials() {
        return auth -> {
            if (auth instanceof ClusterAuth.Token t && tokens.containsKey(t.credentialsId())) {
                return new ClusterCredential.Token(tokens.get(t.credentialsId()));
            }
            throw new CredentialResolver.CredentialException("no credential " + auth.describe());
        };
    }

    /** Every token, to check that none is ever printed. */
    public List<String> secrets() {
        return List.copyOf(tokens.values());
    }

    public String token(String cluster) {
        return tokens.get(cluster + "-token");
    }

    public KubernetesMockServer server(String cluster) {
        return servers.get(cluster);
    }

    public void setNodeReady(String cluster, String node, boolean ready) {
        admins.get(cluster).nodes().resource(node(node, ready)).update();
    }

    public void setApplicationHealth(String cluster, String health) {
        GenericKubernetesResource app = admins.get(cluster).genericKubernetesResources("argoproj.io/v1alpha1", "Application")
                .inNamespace(ARGOCD_NS).withName(APP).get();
        @SuppressWarnings("unchecked")
        Map<String, Object> status = (Map<String, Object>) app.getAdditionalProperties().get("status");
        status.put("health", Map.of("status", health, "message", "Deployment checkout has 0 available replicas"));
        admins.get(cluster).genericKubernetesResources("argoproj.io/v1alpha1", "Application").inNamespace(ARGOCD_NS)
                .resource(app).update();
    }

    /**
     * What an auto-syncing Argo CD in the cluster reports once it deployed {@code revision}: the Application Synced
     * and Healthy at it.
     */
    public void setApplicationRevision(String cluster, String revision) {
        GenericKubernetesResource app = admins.get(cluster).genericKubernetesResources("argoproj.io/v1alpha1", "Application")
                .inNamespace(ARGOCD_NS).withName(APP).get();
        @SuppressWarnings("unchecked")
        Map<String, Object> status = (Map<String, Object>) app.getAdditionalProperties().get("status");
        status.put("sync", Map.of("status", "Synced", "revision", revision));
        status.put("health", Map.of("status", "Healthy"));
        admins.get(cluster).genericKubernetesResources("argoproj.io/v1alpha1", "Application").inNamespace(ARGOCD_NS)
                .resource(app).update();
    }

    /**
     * Argo CD in each of these clusters syncs now: its Application is Synced and Healthy at the head of the branch
     * it follows (main of {@code repo}), as an auto-synced Application reports after a refresh.
     */
    public void syncArgoCd(EnvRepo repo, List<String> clusters) {
        for (String c : clusters) {
            try {
                List<String> commits = repo.commitIds();
                setApplicationRevision(c, commits.get(commits.size() - 1));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /** The API server goes away: connections are refused from now on. */
    public void stop(String cluster) {
        admins.get(cluster).close();
        servers.get(cluster).destroy();
    }

    private static Node node(String name, boolean ready) {
        return new NodeBuilder().withNewMetadata().withName(name).endMetadata()
                .withNewStatus().addNewCondition().withType("Ready").withStatus(ready ? "True" : "False")
                .withReason(ready ? "KubeletReady" : "KubeletNotReady").endCondition().endStatus().build();
    }

    private static String application(String cluster) {
        return """
                apiVersion: argoproj.io/v1alpha1
                kind: Application
                metadata:
                  name: %s
                  namespace: %s
                spec:
                  project: default
                  source: {repoURL: https://git.example/env.git, path: clusters/%s/apps/checkout, targetRevision: main}
                  destination: {server: https://kubernetes.default.svc, namespace: shop}
                status:
                  sync: {status: Synced, revision: "1111111111111111111111111111111111111111"}
                  health: {status: Healthy}
                """.formatted(APP, ARGOCD_NS, cluster);
    }

    /**
     * Argo CD's Application CRD as the mock needs it: its group, names and scope, with an open schema and, as the
     * official CRD (shared/argocd/application-crd.yaml), no status subresource. The official file is 400 kB: loading
     * it into every mock server cost seconds, and its schema is not what these tests are about.
     */
    private static void registerApplicationCrd(KubernetesClient client) {
        CustomResourceDefinition crd = new CustomResourceDefinitionBuilder()
                .withNewMetadata().withName("applications.argoproj.io").endMetadata()
                .withNewSpec().withGroup("argoproj.io").withScope("Namespaced")
                .withNewNames().withKind("Application").withListKind("ApplicationList").withPlural("applications")
                .withSingular("application").endNames()
                .addNewVersion().withName("v1alpha1").withServed(true).withStorage(true)
                .withNewSchema().withNewOpenAPIV3Schema().withType("object").withXKubernetesPreserveUnknownFields(true)
                .endOpenAPIV3Schema().endSchema().endVersion()
                .endSpec().build();
        client.apiextensions().v1().customResourceDefinitions().resource(crd).create();
    }

    private static String region(String cloud) {
        return switch (cloud) {
            case "eks" -> "us-east-1";
            case "aks" -> "westeurope";
            case "gke" -> "europe-west1";
            case "doks" -> "ams3";
            default -> "local";
        };
    }

    @Override
    public void close() {
        admins.values().forEach(KubernetesClient::close);
        servers.values().forEach(s -> {
            try {
                s.destroy();
            } catch (RuntimeException e) {
                // already stopped by a test
            }
        });
    }
}
