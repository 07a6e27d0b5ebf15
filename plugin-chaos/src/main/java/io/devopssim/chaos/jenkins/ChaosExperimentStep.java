package io.devopssim.chaos.jenkins;

import io.devopssim.core.time.ExecutorScheduler;
import io.devopssim.core.time.Scheduler;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.Extension;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.devopssim.chaos.JdkHttpProber;
import io.devopssim.chaos.gremlin.GremlinClient;
import io.devopssim.core.time.Clock;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.devopssim.chaos.PrometheusSource;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * {@code chaosExperiment specFile: 'experiment.yaml'} (or {@code spec: '''...'''}): runs the chaos experiment the
 * spec describes and completes with its result when it is done: on the embedded simulated fleet, or with
 * {@code backend: 'kubernetes'} or {@code 'gremlin'} and that backend's arguments (or the spec's {@code backend:}
 * section, which the arguments override), on a real system, metric probes reading Prometheus. The step only binds
 * arguments; the execution hands them to the engine.
 */
public final class ChaosExperimentStep extends Step {
    private String specFile;
    private String spec;
    private String experimentId;
    private boolean failOnBrokenHypothesis = true;
    private String backend;
    private String namespace;
    private String kubeContext;
    private String serverUrl;
    private String credentialsId;
    private String teamId;
    private String canaryLabels;
    private String appLabels;
    private String caCertificate;
    private String caCredentialsId;
    private String prometheusUrl;
    private String canarySelector;
    private String baselineSelector;

    @DataBoundConstructor
    public ChaosExperimentStep() {
    }

    public String getSpecFile() {
        return specFile;
    }

    /** Workspace-relative path of the experiment spec (YAML). */
    @DataBoundSetter
    public void setSpecFile(String specFile) {
        this.specFile = blankToNull(specFile);
    }

    public String getSpec() {
        return spec;
    }

    /** The experiment spec itself, inline (YAML). */
    @DataBoundSetter
    public void setSpec(String spec) {
        this.spec = blankToNull(spec);
    }

    public String getExperimentId() {
        return experimentId;
    }

    /** Id of the experiment's saved state; default: derived from the build. */
    @DataBoundSetter
    public void setExperimentId(String experimentId) {
        this.experimentId = blankToNull(experimentId);
    }

    public boolean isFailOnBrokenHypothesis() {
        return failOnBrokenHypothesis;
    }

    /** Fail the build when the steady-state hypothesis broke (default true). */
    @DataBoundSetter
    public void setFailOnBrokenHypothesis(boolean failOnBrokenHypothesis) {
        this.failOnBrokenHypothesis = failOnBrokenHypothesis;
    }

    public String getBackend() {
        return backend;
    }

    /** {@code simulator} (default: a dry run on an embedded fleet), {@code kubernetes} or {@code gremlin}. */
    @DataBoundSetter
    public void setBackend(String backend) {
        this.backend = blankToNull(backend);
    }

    public String getNamespace() {
        return namespace;
    }

    /** Kubernetes: the target's namespace. */
    @DataBoundSetter
    public void setNamespace(String namespace) {
        this.namespace = blankToNull(namespace);
    }

    public String getKubeContext() {
        return kubeContext;
    }

    /** Kubernetes: a context of the controller's kubeconfig. */
    @DataBoundSetter
    public void setKubeContext(String kubeContext) {
        this.kubeContext = blankToNull(kubeContext);
    }

    public String getServerUrl() {
        return serverUrl;
    }

    /** Kubernetes: the API server's URL, with a token credential. */
    @DataBoundSetter
    public void setServerUrl(String serverUrl) {
        this.serverUrl = blankToNull(serverUrl);
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    /** Kubernetes: a secret text token (with serverUrl); Gremlin: a secret text API key, or team id + key as username/password. */
    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = blankToNull(credentialsId);
    }

    public String getTeamId() {
        return teamId;
    }

    /** Gremlin: the team, when the credential is a secret text. */
    @DataBoundSetter
    public void setTeamId(String teamId) {
        this.teamId = blankToNull(teamId);
    }

    public String getCanaryLabels() {
        return canaryLabels;
    }

    /** Kubernetes, Gremlin: labels of the canary's pods or containers, {@code k=v,k2=v2}. */
    @DataBoundSetter
    public void setCanaryLabels(String canaryLabels) {
        this.canaryLabels = blankToNull(canaryLabels);
    }

    public String getAppLabels() {
        return appLabels;
    }

    /** Kubernetes, Gremlin: labels of the whole app's pods or containers, for a percentage target. */
    @DataBoundSetter
    public void setAppLabels(String appLabels) {
        this.appLabels = blankToNull(appLabels);
    }

    public String getCaCertificate() {
        return caCertificate;
    }

    /** Kubernetes, with serverUrl: PEM of the CA that signed the API server's certificate. */
    @DataBoundSetter
    public void setCaCertificate(String caCertificate) {
        this.caCertificate = blankToNull(caCertificate);
    }

    public String getCaCredentialsId() {
        return caCredentialsId;
    }

    /** Kubernetes, with serverUrl: a secret file or secret text credential holding the CA's PEM. */
    @DataBoundSetter
    public void setCaCredentialsId(String caCredentialsId) {
        this.caCredentialsId = blankToNull(caCredentialsId);
    }

    public String getPrometheusUrl() {
        return prometheusUrl;
    }

    /** Kubernetes, Gremlin: Prometheus (or Thanos Query) for metric probes. */
    @DataBoundSetter
    public void setPrometheusUrl(String prometheusUrl) {
        this.prometheusUrl = blankToNull(prometheusUrl);
    }

    public String getCanarySelector() {
        return canarySelector;
    }

    /** PromQL label matchers of the canary, braces included; default: from canaryLabels. */
    @DataBoundSetter
    public void setCanarySelector(String canarySelector) {
        this.canarySelector = blankToNull(canarySelector);
    }

    public String getBaselineSelector() {
        return baselineSelector;
    }

    /** PromQL label matchers of the baseline, braces included, for probes on the baseline. */
    @DataBoundSetter
    public void setBaselineSelector(String baselineSelector) {
        this.baselineSelector = blankToNull(baselineSelector);
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new ChaosExperimentExecution(context, new ChaosExperimentRequest(specFile, spec, experimentId, failOnBrokenHypothesis,
                new BackendArguments(backend, namespace, kubeContext, serverUrl, credentialsId, teamId, canaryLabels, appLabels,
                        caCertificate, caCredentialsId, prometheusUrl, canarySelector, baselineSelector)));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    @Extension
    public static final class DescriptorImpl extends StepDescriptor {
        // one small pool for every experiment of this controller: no thread per running experiment
        private transient volatile Runtimes runtimes;
        /** Null but in tests: {@link StepFormAccess#JENKINS}. */
        private transient StepFormAccess formForTest;

        /** For tests: the form's lists without a running Jenkins. */
        void useForTest(StepFormAccess access) {
            this.formForTest = access;
        }

        private StepFormAccess form() {
            return formForTest != null ? formForTest : StepFormAccess.JENKINS;
        }

        /** The backends; empty: the spec's {@code backend:}, else the simulator. Lists nothing secret: no permission needed. */
        @POST
        public ListBoxModel doFillBackendItems() {
            ListBoxModel items = new ListBoxModel();
            items.add("From the spec (the simulator if it names none)", "");
            items.add("Simulator (a dry run on an embedded fleet)", "simulator");
            items.add("Kubernetes", "kubernetes");
            items.add("Gremlin", "gremlin");
            return items;
        }

        /**
         * The credentials the chosen backend can use: a secret text (Kubernetes token, Gremlin key) and, for Gremlin,
         * a username/password (team id and key); both while the backend is left to the spec. Only to those who may
         * see them ({@link StepFormAccess#mayListCredentials}); others see the current value alone.
         */
        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String backend,
                                                     @QueryParameter String credentialsId) {
            String b = backend == null ? "" : backend.strip().toLowerCase(java.util.Locale.ROOT);
            List<Class<? extends StandardCredentials>> kinds = switch (b) {
                case "kubernetes" -> List.of(StringCredentials.class);
                case "gremlin", "" -> List.of(StringCredentials.class, StandardUsernamePasswordCredentials.class);
                default -> List.of(); // the simulator takes no credential
            };
            if (kinds.isEmpty() || !form().mayListCredentials(item)) {
                return currentOnly(credentialsId);
            }
            return form().credentials(item, kinds, credentialsId);
        }

        /** Secret files and secret texts, which may hold a Kubernetes API server's CA certificate (PEM). */
        @POST
        public ListBoxModel doFillCaCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String caCredentialsId) {
            if (!form().mayListCredentials(item)) {
                return currentOnly(caCredentialsId);
            }
            return form().credentials(item, List.of(FileCredentials.class, StringCredentials.class), caCredentialsId);
        }

        // The checks below only read the text they are given: nothing is looked up or reached, so they need no
        // permission; @POST all the same, as every form method here.

        @POST
        public FormValidation doCheckPrometheusUrl(@QueryParameter String value) {
            if (value == null || value.isBlank()) {
                return FormValidation.ok();
            }
            return PrometheusSource.url(value).isPresent() ? FormValidation.ok()
                    : FormValidation.error("\"" + value + "\" is not an http(s) URL with a host");
        }

        @POST
        public FormValidation doCheckCanarySelector(@QueryParameter String value) {
            return selector(value);
        }

        @POST
        public FormValidation doCheckBaselineSelector(@QueryParameter String value) {
            return selector(value);
        }

        @POST
        public FormValidation doCheckCaCertificate(@QueryParameter String value) {
            if (value == null || value.isBlank()) {
                return FormValidation.ok();
            }
            return CaCertificates.problem(value).map(FormValidation::error).orElseGet(FormValidation::ok);
        }

        private static FormValidation selector(String value) {
            if (value == null || value.isBlank()) {
                return FormValidation.ok();
            }
            return PrometheusSource.selectorProblem(value).map(FormValidation::error).orElseGet(FormValidation::ok);
        }

        private static ListBoxModel currentOnly(String current) {
            ListBoxModel items = new ListBoxModel();
            items.add("", "");
            if (current != null && !current.isBlank()) {
                items.add(current, current);
            }
            return items;
        }

        @Override
        public String getFunctionName() {
            return "chaosExperiment";
        }

        @Override
        public String getDisplayName() {
            return "Chaos experiment with a steady-state hypothesis";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class);
        }

        ChaosRuntime runtime(BackendSettings.Kind kind) {
            Runtimes r = runtimes;
            if (r == null) {
                synchronized (this) {
                    r = runtimes;
                    if (r == null) {
                        r = new Runtimes();
                        runtimes = r;
                    }
                }
            }
            return r.of(kind);
        }
    }

    /** The controller's runtimes, one per backend kind, on one scheduler pool. */
    private static final class Runtimes {
        private final SimulatorChaosRuntime simulator;
        private final KubernetesChaosRuntime kubernetes;
        private final GremlinChaosRuntime gremlin;

        Runtimes() {
            ScheduledExecutorService pool = Executors.newScheduledThreadPool(2, task -> {
                Thread t = new Thread(task, "devsim chaos scheduler");
                t.setDaemon(true);
                return t;
            });
            Clock clock = Clock.system();
            Scheduler scheduler = new ExecutorScheduler(pool, clock);
            BuildAccess builds = new RunBuildAccess();
            CredentialsLookup credentials = new JenkinsCredentialsLookup();
            simulator = new SimulatorChaosRuntime(scheduler, clock, builds);
            kubernetes = new KubernetesChaosRuntime(scheduler, clock, builds, credentials, null, new JdkHttpProber());
            gremlin = new GremlinChaosRuntime(scheduler, clock, builds, credentials, GremlinClient.DEFAULT_BASE_URL, new JdkHttpProber());
        }

        ChaosRuntime of(BackendSettings.Kind kind) {
            return switch (kind) {
                case SIMULATOR -> simulator;
                case KUBERNETES -> kubernetes;
                case GREMLIN -> gremlin;
            };
        }
    }
}
