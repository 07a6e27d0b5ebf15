package io.devopssim.multicloud.jenkins;

import hudson.Extension;
import hudson.model.AbstractDescribableImpl;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.devopssim.core.time.Clock;
import io.devopssim.multicloud.ClusterClientFactory;
import io.devopssim.multicloud.ClusterConnectionCheck;
import io.devopssim.multicloud.ClusterValidation;
import io.devopssim.multicloud.Cloud;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

import java.util.Optional;

/**
 * One cluster of the registry as the global configuration form and Configuration-as-Code bind it: text fields
 * only. {@link ClusterBinding} turns it into the engine's fields, {@link ClusterValidation} judges them; this
 * class only holds and binds. Persisted with the global configuration (no secret: a credential id or a
 * kubeconfig context name).
 */
public final class ClusterConfig extends AbstractDescribableImpl<ClusterConfig> {
    static final String AUTH_KUBECONFIG = "kubeconfig";
    static final String AUTH_TOKEN = "token";
    static final String AUTH_CLIENT_CERTIFICATE = "clientCertificate";

    private final String name;
    private String cloud = Cloud.OTHER.yamlName();
    private String region;
    private String labels;
    private String apiEndpoint;
    private String caCertificate;
    private String authKind = AUTH_TOKEN;
    private String credentialsId;
    private String kubeconfigContext;
    private String argoCdNamespace;
    private String argoCdApplications;
    private String envPath;

    @DataBoundConstructor
    public ClusterConfig(String name) {
        this.name = trim(name);
    }

    public String getName() {
        return name;
    }

    public String getCloud() {
        return cloud;
    }

    /** {@code eks}, {@code aks}, {@code gke}, {@code doks} or {@code other}. */
    @DataBoundSetter
    public void setCloud(String cloud) {
        this.cloud = trim(cloud);
    }

    public String getRegion() {
        return region;
    }

    @DataBoundSetter
    public void setRegion(String region) {
        this.region = trim(region);
    }

    public String getLabels() {
        return labels;
    }

    /** {@code key=value} pairs separated by commas or new lines. */
    @DataBoundSetter
    public void setLabels(String labels) {
        this.labels = trim(labels);
    }

    public String getApiEndpoint() {
        return apiEndpoint;
    }

    @DataBoundSetter
    public void setApiEndpoint(String apiEndpoint) {
        this.apiEndpoint = trim(apiEndpoint);
    }

    public String getCaCertificate() {
        return caCertificate;
    }

    @DataBoundSetter
    public void setCaCertificate(String caCertificate) {
        this.caCertificate = trim(caCertificate);
    }

    public String getAuthKind() {
        return authKind;
    }

    /** {@code kubeconfig}, {@code token} or {@code clientCertificate}. */
    @DataBoundSetter
    public void setAuthKind(String authKind) {
        this.authKind = trim(authKind);
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    /** A secret text (token) or secret file (PEM certificate and key) credential, by id. */
    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = trim(credentialsId);
    }

    public String getKubeconfigContext() {
        return kubeconfigContext;
    }

    @DataBoundSetter
    public void setKubeconfigContext(String kubeconfigContext) {
        this.kubeconfigContext = trim(kubeconfigContext);
    }

    public String getArgoCdNamespace() {
        return argoCdNamespace;
    }

    @DataBoundSetter
    public void setArgoCdNamespace(String argoCdNamespace) {
        this.argoCdNamespace = trim(argoCdNamespace);
    }

    public String getArgoCdApplications() {
        return argoCdApplications;
    }

    /** Application names separated by commas or spaces. */
    @DataBoundSetter
    public void setArgoCdApplications(String argoCdApplications) {
        this.argoCdApplications = trim(argoCdApplications);
    }

    public String getEnvPath() {
        return envPath;
    }

    @DataBoundSetter
    public void setEnvPath(String envPath) {
        this.envPath = trim(envPath);
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /**
     * The form's checks and choices. Every one is {@code @POST} (Stapler refuses GET, and the form sends the
     * crumb) and first checks that the user may administer Jenkins: the registry is global configuration, and a
     * check that connects or lists credentials must not be open to anyone.
     */
    @Extension
    @Symbol("cluster")
    public static final class DescriptorImpl extends Descriptor<ClusterConfig> {
        private transient PermissionCheck permissions = PermissionCheck.JENKINS;
        private transient CredentialChoices credentialChoices = CredentialChoices.JENKINS;
        private transient ClusterCredentialConversion.Source globalCredentials = ClusterCredentialConversion.GLOBAL;
        private transient ClusterConnectionCheck connections = new ClusterConnectionCheck(new ClusterClientFactory(),
                Clock.system());

        /** For tests: checks and lists without a running Jenkins. */
        void useForTest(PermissionCheck permissions, CredentialChoices choices) {
            this.permissions = permissions;
            this.credentialChoices = choices;
        }

        /** For tests: the connection test with credentials and clients of their own. */
        void useForTest(ClusterCredentialConversion.Source credentials, ClusterConnectionCheck connectionCheck) {
            this.globalCredentials = credentials;
            this.connections = connectionCheck;
        }

        @Override
        public String getDisplayName() {
            return "Cluster";
        }

        @POST
        public FormValidation doCheckName(@QueryParameter String value) {
            permissions.check(Jenkins.ADMINISTER);
            return result(ClusterValidation.checkName(value));
        }

        @POST
        public FormValidation doCheckRegion(@QueryParameter String value) {
            permissions.check(Jenkins.ADMINISTER);
            return result(ClusterValidation.checkRegion(value));
        }

        @POST
        public FormValidation doCheckLabels(@QueryParameter String value) {
            permissions.check(Jenkins.ADMINISTER);
            return result(ClusterBinding.labelsProblem(value));
        }

        @POST
        public FormValidation doCheckApiEndpoint(@QueryParameter String value, @QueryParameter String authKind) {
            permissions.check(Jenkins.ADMINISTER);
            return result(ClusterValidation.checkApiEndpoint(value, !AUTH_KUBECONFIG.equals(authKind)));
        }

        @POST
        public FormValidation doCheckCaCertificate(@QueryParameter String value) {
            permissions.check(Jenkins.ADMINISTER);
            return result(ClusterValidation.checkCaCertificate(value));
        }

        @POST
        public FormValidation doCheckCredentialsId(@QueryParameter String value, @QueryParameter String authKind) {
            permissions.check(Jenkins.ADMINISTER);
            if (AUTH_KUBECONFIG.equals(authKind)) {
                return FormValidation.ok();
            }
            return result(ClusterValidation.checkReference(value, "a credential"));
        }

        @POST
        public FormValidation doCheckKubeconfigContext(@QueryParameter String value, @QueryParameter String authKind) {
            permissions.check(Jenkins.ADMINISTER);
            if (!AUTH_KUBECONFIG.equals(authKind)) {
                return FormValidation.ok();
            }
            return result(ClusterValidation.checkReference(value, "a kubeconfig context"));
        }

        @POST
        public FormValidation doCheckArgoCdNamespace(@QueryParameter String value) {
            permissions.check(Jenkins.ADMINISTER);
            return result(ClusterValidation.checkNamespace(value));
        }

        @POST
        public FormValidation doCheckArgoCdApplications(@QueryParameter String value) {
            permissions.check(Jenkins.ADMINISTER);
            for (String app : ClusterBinding.words(value)) {
                Optional<String> problem = ClusterValidation.checkApplication(app);
                if (problem.isPresent()) {
                    return FormValidation.error(problem.get());
                }
            }
            return FormValidation.ok();
        }

        @POST
        public FormValidation doCheckEnvPath(@QueryParameter String value) {
            permissions.check(Jenkins.ADMINISTER);
            return result(ClusterValidation.checkEnvPath(value));
        }

        /**
         * The "Test connection" button: the cluster as entered (not yet saved), with a global credential, looked at
         * once: API reachable, nodes Ready, each Argo CD Application's sync and health. Connects only to the endpoint
         * entered (at most a 10 s request), and never shows the credential's secret.
         */
        @POST
        public FormValidation doTestConnection(@QueryParameter String name, @QueryParameter String cloud,
                                               @QueryParameter String region, @QueryParameter String labels,
                                               @QueryParameter String apiEndpoint, @QueryParameter String caCertificate,
                                               @QueryParameter String authKind, @QueryParameter String credentialsId,
                                               @QueryParameter String kubeconfigContext,
                                               @QueryParameter String argoCdNamespace,
                                               @QueryParameter String argoCdApplications, @QueryParameter String envPath) {
            permissions.check(Jenkins.ADMINISTER);
            ClusterConfig c = new ClusterConfig(name);
            c.setCloud(cloud);
            c.setRegion(region);
            c.setLabels(labels);
            c.setApiEndpoint(apiEndpoint);
            c.setCaCertificate(caCertificate);
            c.setAuthKind(authKind);
            c.setCredentialsId(credentialsId);
            c.setKubeconfigContext(kubeconfigContext);
            c.setArgoCdNamespace(argoCdNamespace);
            c.setArgoCdApplications(argoCdApplications);
            c.setEnvPath(envPath);
            ClusterConnectionCheck.Result r = connections.check(ClusterBinding.fields(c),
                    new ClusterCredentialConversion(globalCredentials));
            return switch (r.kind()) {
                case OK -> FormValidation.ok(r.message());
                case WARNING -> FormValidation.warning(r.message());
                case ERROR -> FormValidation.error(r.message());
            };
        }

        @POST
        public ListBoxModel doFillCloudItems() {
            permissions.check(Jenkins.ADMINISTER);
            ListBoxModel items = new ListBoxModel();
            for (Cloud c : Cloud.values()) {
                items.add(c.displayName(), c.yamlName());
            }
            return items;
        }

        @POST
        public ListBoxModel doFillAuthKindItems() {
            permissions.check(Jenkins.ADMINISTER);
            ListBoxModel items = new ListBoxModel();
            items.add("Token (secret text credential)", AUTH_TOKEN);
            items.add("Client certificate (secret file credential, PEM certificate and key)", AUTH_CLIENT_CERTIFICATE);
            items.add("Kubeconfig context on the controller", AUTH_KUBECONFIG);
            return items;
        }

        /** Secret text and secret file credentials of Jenkins, and the id already chosen even if it is gone. */
        @POST
        public ListBoxModel doFillCredentialsIdItems(@QueryParameter String credentialsId) {
            permissions.check(Jenkins.ADMINISTER);
            return credentialChoices.list(credentialsId);
        }

        private static FormValidation result(Optional<String> problem) {
            return problem.map(FormValidation::error).orElseGet(FormValidation::ok);
        }
    }
}
