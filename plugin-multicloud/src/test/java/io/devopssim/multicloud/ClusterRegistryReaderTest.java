package io.devopssim.multicloud;

import io.devopssim.core.spec.InvalidSpecException;
import io.devopssim.core.spec.SpecProblem;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClusterRegistryReaderTest {
    static final String FOUR_CLOUDS = """
            clusters:
              - name: do-ams3
                cloud: doks
                region: ams3
                labels: {tier: canary, team.example.com/owner: payments}
                apiEndpoint: https://1f2e.k8s.ondigitalocean.com
                auth: {tokenCredentialsId: doks-ams3-token}
                argoCd: {applications: [checkout-do-ams3]}
                envPath: clusters/do-ams3/
              - name: gke-ew1
                cloud: gke
                region: europe-west1
                auth: {kubeconfigContext: gke_acme_europe-west1_prod}
                argoCd: {namespace: gitops, applications: [checkout, checkout-jobs]}
                envPath: clusters/gke-ew1
              - name: aks-we
                cloud: aks
                region: westeurope
                apiEndpoint: https://aks-we-dns.hcp.westeurope.azmk8s.io:443
                caCertificate: |
                  -----BEGIN CERTIFICATE-----
                  MIIBszCCAVmgAwIBAgIUY2E=
                  -----END CERTIFICATE-----
                auth: {clientCertificateCredentialsId: aks-we-admin}
                envPath: clusters/aks-we
              - name: eks-use1
                cloud: eks
                region: us-east-1
                apiEndpoint: https://ABCD.gr7.us-east-1.eks.amazonaws.com
                auth: {tokenCredentialsId: eks-use1-token}
                argoCd: {applications: [checkout]}
                envPath: clusters/eks-use1
            """;

    private final ClusterRegistryReader reader = new ClusterRegistryReader();

    @Test
    @DisplayName("a registry of EKS, AKS, GKE and DOKS clusters reads into clusters with every field")
    void shouldReadClustersOfFourClouds() throws Exception {
        ClusterRegistry registry = reader.read(FOUR_CLOUDS);

        assertThat(registry.names()).containsExactly("do-ams3", "gke-ew1", "aks-we", "eks-use1");
        Cluster doks = registry.find("do-ams3").orElseThrow();
        assertThat(doks.cloud()).isEqualTo(Cloud.DOKS);
        assertThat(doks.labels()).isEqualTo(Map.of("tier", "canary", "team.example.com/owner", "payments"));
        assertThat(doks.apiEndpoint()).isEqualTo(URI.create("https://1f2e.k8s.ondigitalocean.com"));
        assertThat(doks.auth()).isEqualTo(new ClusterAuth.Token("doks-ams3-token"));
        assertThat(doks.argoCd()).isEqualTo(new ArgoCdTarget("argocd", List.of("checkout-do-ams3")));
        assertThat(doks.envPath()).as("trailing slash dropped").isEqualTo("clusters/do-ams3");
        assertThat(doks.fileInEnvironment("apps/checkout/values.yaml")).isEqualTo("clusters/do-ams3/apps/checkout/values.yaml");
        Cluster gke = registry.find("gke-ew1").orElseThrow();
        assertThat(gke.apiEndpoint()).as("the kubeconfig context names the server").isNull();
        assertThat(gke.auth()).isEqualTo(new ClusterAuth.KubeconfigContext("gke_acme_europe-west1_prod"));
        assertThat(gke.argoCd()).isEqualTo(new ArgoCdTarget("gitops", List.of("checkout", "checkout-jobs")));
        Cluster aks = registry.find("aks-we").orElseThrow();
        assertThat(aks.auth()).isEqualTo(new ClusterAuth.ClientCertificate("aks-we-admin"));
        assertThat(aks.caCertificate()).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(aks.argoCd().applications()).isEmpty();
        assertThat(registry.find("eks-use1").orElseThrow().describe()).isEqualTo("eks-use1 (Amazon EKS, us-east-1)");
    }

    @Test
    @DisplayName("every problem of every cluster is reported at once, each with its path")
    void shouldReportEveryProblemWithItsPath() {
        String yaml = """
                clusters:
                  - name: Do_AMS3
                    cloud: digitalocean
                    region: ams3
                    apiEndpoint: http://10.0.0.1:6443
                    auth: {tokenCredentialsId: t, kubeconfigContext: c}
                    envPath: ../clusters/do
                  - name: gke-ew1
                    region: 7
                    labels: {tier: [a]}
                    auth: {tokenCredentialsId: gke-token}
                    envPath: clusters/gke
                    argoCd: {applications: [Checkout]}
                    colour: blue
                  - name: gke-ew1
                    cloud: gke
                    region: europe-west1
                    auth: {clientCertificateCredentialsId: cert}
                    apiEndpoint: https://user:pw@gke.example
                    envPath: clusters/gke2
                """;

        assertThatThrownBy(() -> reader.read(yaml)).isInstanceOf(InvalidSpecException.class).satisfies(e -> {
            List<String> problems = ((InvalidSpecException) e).problems().stream().map(SpecProblem::toString).toList();
            assertThat(problems).contains(
                    "clusters[0].name: \"Do_AMS3\" is not a DNS label (lowercase letters, digits and '-', at most 63,"
                            + " starting and ending with a letter or digit); it names rollouts, commits and traffic weights",
                    "clusters[0].cloud: \"digitalocean\" is not one of eks, aks, gke, doks, other",
                    "clusters[0].auth: has kubeconfigContext and tokenCredentialsId; give exactly one of kubeconfigContext,"
                            + " tokenCredentialsId, clientCertificateCredentialsId",
                    "clusters[0].envPath: must be a folder inside the repository, relative to its root, got \"../clusters/do\"",
                    "clusters[1].region: expected text, got 7 (put it in quotes if it is meant as text)",
                    "clusters[1].labels.tier: expected text, got a list (put it in quotes if it is meant as text)",
                    "clusters[1].colour: unknown key (did you mean cloud?)",
                    "clusters[1].cloud: required (one of eks, aks, gke, doks, other)",
                    "clusters[1].apiEndpoint: required unless auth is a kubeconfig context",
                    "clusters[1].argoCd.applications[0]: \"Checkout\" is not an Application name (lowercase letters, digits, '-' and '.')",
                    "clusters[2].name: \"gke-ew1\" is already the name of clusters[1]",
                    "clusters[2].apiEndpoint: must not carry credentials; give them in auth");
            assertThat(problems).as("a wrong type is not reported again as missing")
                    .doesNotContain("clusters[1].region: required");
        });
    }

    @Test
    void shouldAllowPlainHttpOnlyToThisMachine() {
        assertThat(ClusterValidation.checkApiEndpoint("http://127.0.0.1:6443", true)).isEmpty();
        assertThat(ClusterValidation.checkApiEndpoint("http://localhost:6443", true)).isEmpty();
        assertThat(ClusterValidation.checkApiEndpoint("http://k8s.example:6443", true))
                .contains("must be https (plain http is allowed only to 127.0.0.1 or localhost)");
        assertThat(ClusterValidation.checkApiEndpoint("ftp://k8s.example", true)).contains("scheme \"ftp\" is not supported (use https)");
        assertThat(ClusterValidation.checkApiEndpoint("", false)).isEmpty();
    }

    @Test
    void shouldRefuseAnEmptyRegistryAndAYamlError() {
        assertThatThrownBy(() -> reader.read("")).hasMessage("the cluster registry is empty");
        assertThatThrownBy(() -> reader.read("clusters: []")).hasMessage("clusters: needs at least one cluster");
        assertThatThrownBy(() -> reader.read("clusters:\n  - name: a\n  name: b\n")).hasMessageStartingWith("YAML syntax error at line 3");
    }
}
