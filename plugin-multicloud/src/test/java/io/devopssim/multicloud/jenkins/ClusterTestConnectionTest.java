package io.devopssim.multicloud.jenkins;

import com.cloudbees.plugins.credentials.CredentialsDescriptor;
import com.cloudbees.plugins.credentials.CredentialsScope;
import hudson.util.FormValidation;
import hudson.util.Secret;
import io.devopssim.core.time.SimulatedClock;
import io.devopssim.multicloud.Cluster;
import io.devopssim.multicloud.ClusterClientFactory;
import io.devopssim.multicloud.ClusterConnectionCheck;
import io.devopssim.multicloud.ClusterRegistry;
import io.devopssim.multicloud.MockClusters;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.verb.POST;
import org.springframework.security.access.AccessDeniedException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The "Test connection" button of a cluster entry, against fabric8 mock API servers in CRUD mode of three clouds
 * (a healthy one, one with a node NotReady and its Application Degraded, one whose API server is gone), through the
 * form method with the permission seam and global credentials given as Jenkins would.
 */
class ClusterTestConnectionTest {
    private static MockClusters mocks;
    private static ClusterRegistry registry;

    private final List<Object> asked = new ArrayList<>();
    private final ClusterConfig.DescriptorImpl form = new ClusterConfig.DescriptorImpl();

    @BeforeAll
    static void startClusters() throws Exception {
        Map<String, String> clouds = new LinkedHashMap<>();
        clouds.put("do-ams3", "doks");
        clouds.put("gke-ew1", "gke");
        clouds.put("eks-use1", "eks");
        mocks = new MockClusters(clouds);
        registry = mocks.registry();
        mocks.setNodeReady("gke-ew1", "gke-ew1-node-3", false);
        mocks.setApplicationHealth("gke-ew1", "Degraded");
        mocks.stop("eks-use1");
    }

    @AfterAll
    static void stopClusters() {
        mocks.close();
    }

    ClusterTestConnectionTest() {
        form.useForTest(asked::add, current -> new hudson.util.ListBoxModel());
        form.useForTest(id -> id.endsWith("-token") && mocks.token(id.substring(0, id.length() - "-token".length())) != null
                        ? new Text(id, mocks.token(id.substring(0, id.length() - "-token".length()))) : null,
                new ClusterConnectionCheck(new ClusterClientFactory(Duration.ofSeconds(2)),
                        new SimulatedClock(Instant.parse("2026-11-23T10:00:00Z"))));
    }

    private FormValidation test(String cluster, String credentialsId) {
        Cluster c = registry.find(cluster).orElseThrow();
        return form.doTestConnection(c.name(), c.cloud().yamlName(), c.region(), "", c.apiEndpoint().toString(), "",
                "token", credentialsId, "", MockClusters.ARGOCD_NS, MockClusters.APP, c.envPath());
    }

    @Test
    @DisplayName("reports the API reachable, the nodes Ready and the Argo CD Application's health, or why not, never a secret")
    void shouldReportReachabilityNodesAndArgoCdHealth() {
        FormValidation healthy = test("do-ams3", "do-ams3-token");
        FormValidation sick = test("gke-ew1", "gke-ew1-token");
        FormValidation gone = test("eks-use1", "eks-use1-token");
        FormValidation noCredential = test("do-ams3", "nobody-token");

        assertThat(healthy.kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(healthy.getMessage()).isEqualTo("API reachable: 3/3 nodes Ready; checkout Synced/Healthy");
        assertThat(sick.kind).isEqualTo(FormValidation.Kind.WARNING);
        assertThat(sick.getMessage()).isEqualTo("API reachable, but unhealthy: 2/3 nodes Ready (not Ready: gke-ew1-node-3);"
                + " checkout Synced/Degraded");
        assertThat(gone.kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(gone.getMessage()).startsWith("not reachable: API server did not answer");
        assertThat(noCredential.kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(noCredential.getMessage()).isEqualTo("not reachable: no credential: no credential nobody-token");
        for (FormValidation v : List.of(healthy, sick, gone, noCredential)) {
            for (String secret : mocks.secrets()) {
                assertThat(v.getMessage()).doesNotContain(secret);
            }
        }
        assertThat(asked).containsOnly(Jenkins.ADMINISTER).hasSize(4);
    }

    @Test
    @DisplayName("a cluster entry with a bad field is not connected to: the problem is the answer")
    void shouldNotConnectWithAnInvalidEntry() {
        int before = mocks.server("do-ams3").getRequestCount();

        FormValidation v = form.doTestConnection("Do Ams3", "doks", "ams3", "", registry.find("do-ams3").orElseThrow()
                .apiEndpoint().toString(), "", "token", "do-ams3-token", "", "argocd", "checkout", "clusters/do-ams3");

        assertThat(v.kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(v.getMessage()).startsWith("cannot test: ").contains("Do Ams3");
        assertThat(mocks.server("do-ams3").getRequestCount()).isEqualTo(before);
    }

    @Test
    @DisplayName("is @POST and refuses a user without Overall/Administer before connecting")
    void shouldRefuseWithoutThePermission() throws Exception {
        assertThat(ClusterConfig.DescriptorImpl.class.getMethod("doTestConnection", String.class, String.class, String.class,
                String.class, String.class, String.class, String.class, String.class, String.class, String.class, String.class,
                String.class).isAnnotationPresent(POST.class)).isTrue();
        ClusterConfig.DescriptorImpl denied = new ClusterConfig.DescriptorImpl();
        denied.useForTest(p -> {
            throw new AccessDeniedException("alice is missing the Overall/Administer permission");
        }, current -> new hudson.util.ListBoxModel());
        int before = mocks.server("do-ams3").getRequestCount();

        assertThatThrownBy(() -> denied.doTestConnection("do-ams3", "doks", "ams3", "", registry.find("do-ams3").orElseThrow()
                .apiEndpoint().toString(), "", "token", "do-ams3-token", "", "argocd", "checkout", "clusters/do-ams3"))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(mocks.server("do-ams3").getRequestCount()).isEqualTo(before);
    }

    /** A global secret text credential; its toString is careless on purpose. */
    private static final class Text implements StringCredentials {
        private static final long serialVersionUID = 1L;
        private final String id;
        private final String token;

        Text(String id, String token) {
            this.id = id;
            this.token = token;
        }

        @Override
        public Secret getSecret() {
            return Secret.fromString(token);
        }

        @Override
        public String getId() {
            return id;
        }

        @Override
        public String getDescription() {
            return "";
        }

        @Override
        public CredentialsScope getScope() {
            return null;
        }

        @Override
        public CredentialsDescriptor getDescriptor() {
            return null;
        }

        @Override
        public String toString() {
            return "Text holding " + token;
        }
    }
}
