package io.devopssim.multicloud.jenkins;

import hudson.security.Permission;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.devopssim.core.spec.InvalidSpecException;
import io.devopssim.core.spec.SpecProblem;
import io.devopssim.multicloud.ArgoCdTarget;
import io.devopssim.multicloud.Cloud;
import io.devopssim.multicloud.Cluster;
import io.devopssim.multicloud.ClusterAuth;
import io.devopssim.multicloud.ClusterRegistry;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.verb.POST;
import org.springframework.security.access.AccessDeniedException;

import java.lang.reflect.Method;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The global configuration and its form, without a running Jenkins (permission and credentials through seams). */
class MultiCloudConfigurationTest {
    private final List<Permission> asked = new ArrayList<>();
    private final ClusterConfig.DescriptorImpl form = new ClusterConfig.DescriptorImpl();

    MultiCloudConfigurationTest() {
        form.useForTest(asked::add, current -> {
            ListBoxModel m = new ListBoxModel();
            m.add("- none -", "");
            m.add("doks-ams3-token (DigitalOcean token)", "doks-ams3-token");
            return m;
        });
    }

    static ClusterConfig doks() {
        ClusterConfig c = new ClusterConfig(" do-ams3 ");
        c.setCloud("doks");
        c.setRegion("ams3");
        c.setLabels("tier=canary, team=payments");
        c.setApiEndpoint("https://1f2e.k8s.ondigitalocean.com");
        c.setAuthKind("token");
        c.setCredentialsId("doks-ams3-token");
        c.setKubeconfigContext("ignored-with-a-token");
        c.setArgoCdApplications("checkout, checkout-jobs");
        c.setEnvPath("clusters/do-ams3");
        return c;
    }

    @Test
    @DisplayName("the data-bound clusters make the registry the engine uses")
    void shouldBindClustersIntoTheRegistry() throws Exception {
        ClusterConfig gke = new ClusterConfig("gke-ew1");
        gke.setCloud("gke");
        gke.setRegion("europe-west1");
        gke.setAuthKind("kubeconfig");
        gke.setKubeconfigContext("gke_acme_europe-west1_prod");
        gke.setArgoCdNamespace("gitops");
        gke.setEnvPath("clusters/gke-ew1");
        MultiCloudConfiguration config = new MultiCloudConfiguration(false);
        config.setClusters(List.of(doks(), gke));

        ClusterRegistry registry = config.registry();

        assertThat(registry.clusters()).containsExactly(
                new Cluster("do-ams3", Cloud.DOKS, "ams3", Map.of("tier", "canary", "team", "payments"),
                        URI.create("https://1f2e.k8s.ondigitalocean.com"), null, new ClusterAuth.Token("doks-ams3-token"),
                        new ArgoCdTarget("argocd", List.of("checkout", "checkout-jobs")), "clusters/do-ams3"),
                new Cluster("gke-ew1", Cloud.GKE, "europe-west1", Map.of(), null, null,
                        new ClusterAuth.KubeconfigContext("gke_acme_europe-west1_prod"), new ArgoCdTarget("gitops", List.of()),
                        "clusters/gke-ew1"));
        assertThat(config.getClusters()).hasSize(2);
        assertThat(new MultiCloudConfiguration(false).registry()).isEqualTo(ClusterRegistry.EMPTY);
    }

    @Test
    @DisplayName("an invalid registry is every problem of every cluster, at its position")
    void shouldReportEveryProblemOfTheRegistry() {
        ClusterConfig broken = new ClusterConfig("Bad Name");
        broken.setAuthKind("clientCertificate");
        broken.setApiEndpoint("http://k8s.example:6443");
        MultiCloudConfiguration config = new MultiCloudConfiguration(false);
        config.setClusters(List.of(doks(), broken, doks()));

        assertThatThrownBy(config::registry).isInstanceOf(InvalidSpecException.class).satisfies(e -> assertThat(
                ((InvalidSpecException) e).problems().stream().map(SpecProblem::toString).toList()).contains(
                "clusters[1].region: required",
                "clusters[1].auth: required: give exactly one of kubeconfigContext, tokenCredentialsId, clientCertificateCredentialsId",
                "clusters[1].apiEndpoint: must be https (plain http is allowed only to 127.0.0.1 or localhost)",
                "clusters[1].envPath: required (the cluster's folder in the environment repository, e.g. clusters/do-ams3)",
                "clusters[2].name: \"do-ams3\" is already the name of clusters[0]"));
    }

    @Test
    @DisplayName("each form check asks for Jenkins.ADMINISTER first, then says what the engine's rules say")
    void shouldCheckThePermissionThenValidate() {
        assertThat(form.doCheckName("Do_AMS3").kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(form.doCheckName("Do_AMS3").getMessage()).startsWith("&quot;Do_AMS3&quot; is not a DNS label");
        assertThat(form.doCheckName("do-ams3").kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(form.doCheckApiEndpoint("http://k8s.example", "token").kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(form.doCheckApiEndpoint("", "kubeconfig").kind).as("the context names the server").isEqualTo(FormValidation.Kind.OK);
        assertThat(form.doCheckApiEndpoint("", "token").getMessage()).isEqualTo("required unless auth is a kubeconfig context");
        assertThat(form.doCheckCredentialsId("", "token").kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(form.doCheckCredentialsId("", "kubeconfig").kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(form.doCheckKubeconfigContext("", "kubeconfig").kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(form.doCheckLabels("tier=canary, oops").getMessage()).isEqualTo("&quot;oops&quot; is not key=value");
        assertThat(form.doCheckLabels("tier=canary").kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(form.doCheckArgoCdApplications("checkout, Checkout").kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(form.doCheckEnvPath("../up").kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(form.doCheckRegion("us-east-1").kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(form.doCheckCaCertificate("not a pem").kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(form.doCheckArgoCdNamespace("Argo CD").kind).isEqualTo(FormValidation.Kind.ERROR);

        assertThat(asked).hasSize(16).allSatisfy(p -> assertThat(p).isSameAs(Jenkins.ADMINISTER));
    }

    @Test
    @DisplayName("a user without the permission gets a refusal and no answer, from checks and lists alike")
    void shouldRefuseWithoutThePermission() {
        ClusterConfig.DescriptorImpl denied = new ClusterConfig.DescriptorImpl();
        List<String> listed = new ArrayList<>();
        denied.useForTest(p -> {
            throw new AccessDeniedException("alice is missing the Overall/Administer permission");
        }, current -> {
            listed.add(current);
            return new ListBoxModel();
        });

        assertThatThrownBy(() -> denied.doCheckName("do-ams3")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> denied.doFillCredentialsIdItems("doks-ams3-token")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(denied::doFillCloudItems).isInstanceOf(AccessDeniedException.class);
        assertThat(listed).as("no credential listed").isEmpty();
    }

    @Test
    void shouldOfferTheCloudsAuthKindsAndCredentials() {
        assertThat(form.doFillCloudItems()).extracting(o -> o.value).containsExactly("eks", "aks", "gke", "doks", "other");
        assertThat(form.doFillAuthKindItems()).extracting(o -> o.value).containsExactly("token", "clientCertificate", "kubeconfig");
        assertThat(form.doFillCredentialsIdItems("doks-ams3-token")).extracting(o -> o.value).containsExactly("", "doks-ams3-token");
        assertThat(asked).containsOnly(Jenkins.ADMINISTER);
    }

    @Test
    @DisplayName("every doCheck and doFill method is @POST, and the configuration has its Configuration-as-Code symbols")
    void shouldAnswerFormRequestsOnlyByPostAndCarryItsSymbols() {
        List<Method> formMethods = Arrays.stream(ClusterConfig.DescriptorImpl.class.getDeclaredMethods())
                .filter(m -> m.getName().startsWith("doCheck") || m.getName().startsWith("doFill")).toList();

        assertThat(formMethods).hasSize(13).allSatisfy(m -> assertThat(m.isAnnotationPresent(POST.class)).as(m.getName()).isTrue());
        assertThat(MultiCloudConfiguration.class.getAnnotation(Symbol.class).value()).containsExactly("devsimMultiCloud");
        assertThat(ClusterConfig.DescriptorImpl.class.getAnnotation(Symbol.class).value()).containsExactly("cluster");
    }
}
