package io.devopssim.chaos.jenkins;

import io.devopssim.chaos.BackendChoice;
import io.devopssim.chaos.ExperimentDocument;
import io.devopssim.chaos.ExperimentSpec;
import io.devopssim.chaos.PrometheusSource;
import io.devopssim.chaos.ProbeSpec;
import io.devopssim.chaos.gremlin.GremlinBackend;
import io.devopssim.chaos.k8s.KubernetesBackend;
import io.devopssim.core.chaos.ChaosTarget;
import io.devopssim.core.chaos.Fault;
import io.devopssim.core.spec.InvalidSpecException;
import io.devopssim.core.spec.SpecProblem;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Merges the step's backend arguments over the spec's {@code backend:} and {@code metrics:} sections (an argument
 * given to the step wins) and checks the result against itself and the experiment, reporting every problem at
 * once, each under the name the user wrote (the argument, or {@code spec.backend.x}), before anything starts: a
 * setting that belongs to another backend (so that a forgotten {@code backend: 'kubernetes'} does not quietly run
 * a dry run), a missing namespace or credential, a fault the backend cannot inject, a target without the labels
 * to find it, a metric probe without Prometheus. Plain Java, unit-tested without Jenkins.
 */
public final class BackendSettingsReader {
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Pattern LABEL_KEY = Pattern.compile("([a-z0-9.-]{1,253}/)?[A-Za-z0-9]([A-Za-z0-9._-]{0,61}[A-Za-z0-9])?");
    private static final Pattern LABEL_VALUE = Pattern.compile("([A-Za-z0-9]([A-Za-z0-9._-]{0,61}[A-Za-z0-9])?)?");
    static final List<String> SETTINGS = List.of("namespace", "kubeContext", "serverUrl", "credentialsId", "teamId",
            "canaryLabels", "appLabels", "caCertificate", "caCredentialsId", "prometheusUrl", "canarySelector",
            "baselineSelector");
    private static final List<String> METRICS = List.of("prometheusUrl", "canarySelector", "baselineSelector");

    /** The step's arguments alone (a spec without backend or metrics sections). */
    public BackendSettings read(BackendArguments a, ExperimentSpec spec) throws InvalidSpecException {
        return read(a, new ExperimentDocument(spec, null, null));
    }

    public BackendSettings read(BackendArguments a, ExperimentDocument doc) throws InvalidSpecException {
        List<SpecProblem> problems = new ArrayList<>();
        Merged m = new Merged(a, doc);
        ExperimentSpec spec = doc.experiment();
        BackendSettings settings = switch (m.type) {
            case "simulator" -> simulator(m, doc, problems);
            case "kubernetes" -> kubernetes(m, doc, problems);
            case "gremlin" -> gremlin(m, doc, problems);
            default -> {
                problems.add(new SpecProblem("backend", "must be simulator, kubernetes or gremlin, not \"" + a.backend() + "\""));
                yield null;
            }
        };
        if (settings != null && settings.kind() != BackendSettings.Kind.SIMULATOR) {
            checkFaults(spec, settings.kind() == BackendSettings.Kind.KUBERNETES ? KubernetesBackend::refusal : GremlinBackend::refusal,
                    problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidSpecException(problems);
        }
        return settings;
    }

    /** Each setting with where it came from: the step's argument, else the spec's section. */
    private static final class Merged {
        final String type;
        /** The spec's type when the step's backend argument chose another one. */
        final String overriddenType;
        private final Map<String, String> values = new HashMap<>();
        private final Map<String, String> paths = new HashMap<>();

        Merged(BackendArguments a, ExperimentDocument doc) {
            BackendChoice fromSpec = doc.backend();
            String stepType = a.backend() == null ? null : a.backend().strip().toLowerCase(Locale.ROOT);
            type = stepType != null ? stepType : fromSpec != null ? fromSpec.type() : "simulator";
            overriddenType = fromSpec != null && stepType != null && !stepType.equals(fromSpec.type()) ? fromSpec.type() : null;
            ExperimentDocument.MetricsSection metrics = doc.metrics();
            for (String name : SETTINGS) {
                String value = a.get(name);
                String path = name;
                if (value == null && fromSpec != null && fromSpec.settings().containsKey(name)) {
                    value = fromSpec.settings().get(name);
                    path = "spec.backend." + name;
                }
                if (value == null && metrics != null) {
                    String specValue = switch (name) {
                        case "prometheusUrl" -> metrics.prometheus() == null ? null : metrics.prometheus().toString();
                        case "canarySelector" -> metrics.canarySelector();
                        case "baselineSelector" -> metrics.baselineSelector();
                        default -> null;
                    };
                    if (specValue != null) {
                        value = specValue;
                        path = "spec.metrics." + (name.equals("prometheusUrl") ? "prometheus" : name);
                    }
                }
                values.put(name, value);
                paths.put(name, path);
            }
        }

        String get(String name) {
            return values.get(name);
        }

        String path(String name) {
            return paths.get(name);
        }

        SpecProblem problem(String name, String message) {
            return new SpecProblem(path(name), message);
        }
    }

    private static BackendSettings simulator(Merged m, ExperimentDocument doc, List<SpecProblem> problems) {
        notFor(m, problems);
        for (String name : METRICS) {
            if (m.get(name) != null) {
                problems.add(m.problem(name, "does not apply to the simulator backend: its probes read the simulated fleet's metrics"));
            }
        }
        if (doc.metrics() != null && doc.metrics().rateWindow() != null) {
            problems.add(new SpecProblem("spec.metrics.rateWindow", "does not apply to the simulator backend: its probes read the"
                    + " simulated fleet's metrics"));
        }
        return new BackendSettings.Simulator();
    }

    private static BackendSettings kubernetes(Merged m, ExperimentDocument doc, List<SpecProblem> problems) {
        notFor(m, problems);
        String namespace = m.get("namespace");
        if (namespace == null) {
            problems.add(m.problem("namespace", "the kubernetes backend needs the target's namespace"));
        } else if (!DNS_LABEL.matcher(namespace).matches()) {
            problems.add(m.problem("namespace", "\"" + namespace + "\" is not a namespace name (a DNS label)"));
        }
        URI server = null;
        if (m.get("serverUrl") != null && m.get("kubeContext") != null) {
            problems.add(m.problem("serverUrl", "give kubeContext or serverUrl, not both"));
        } else if (m.get("serverUrl") != null) {
            server = httpUrl(m, "serverUrl", problems);
            if (m.get("credentialsId") == null) {
                problems.add(m.problem("credentialsId", "serverUrl needs the id of a secret text credential holding a token"));
            }
        } else if (m.get("credentialsId") != null) {
            problems.add(m.problem("credentialsId", "for kubernetes, a credential goes with serverUrl (a kubeContext brings its own)"));
        }
        BackendSettings.CaSource ca = ca(m, problems);
        Map<String, String> canary = labels(m, "canaryLabels", problems);
        Map<String, String> app = labels(m, "appLabels", problems);
        requireLabelsForTarget(m, doc.experiment().target(), canary, app, problems);
        PrometheusSource metrics = metrics(m, doc, canary, problems);
        return new BackendSettings.Kubernetes(namespace, m.get("kubeContext"), server, m.get("credentialsId"), ca, canary, app,
                metrics);
    }

    private static BackendSettings gremlin(Merged m, ExperimentDocument doc, List<SpecProblem> problems) {
        notFor(m, problems);
        if (m.get("credentialsId") == null) {
            problems.add(m.problem("credentialsId", "the gremlin backend needs the id of a credential holding the API key"));
        }
        Map<String, String> canary = labels(m, "canaryLabels", problems);
        Map<String, String> app = labels(m, "appLabels", problems);
        requireLabelsForTarget(m, doc.experiment().target(), canary, app, problems);
        PrometheusSource metrics = metrics(m, doc, canary, problems);
        return new BackendSettings.Gremlin(m.get("credentialsId"), m.get("teamId"), canary, app, metrics);
    }

    /** The API server's CA: only with serverUrl (a kubeconfig context names its own), as PEM or a credential. */
    private static BackendSettings.CaSource ca(Merged m, List<SpecProblem> problems) {
        String pem = m.get("caCertificate");
        String id = m.get("caCredentialsId");
        if (pem == null && id == null) {
            return null;
        }
        String given = pem != null ? "caCertificate" : "caCredentialsId";
        if (pem != null && id != null) {
            problems.add(m.problem("caCredentialsId", "give caCertificate or caCredentialsId, not both"));
            return null;
        }
        if (m.get("serverUrl") == null) {
            problems.add(m.problem(given, "a CA goes with serverUrl (a kubeconfig context names its own)"));
            return null;
        }
        if (id != null) {
            return new BackendSettings.CaSource.Credential(id);
        }
        Optional<String> why = CaCertificates.problem(pem);
        if (why.isPresent()) {
            problems.add(m.problem("caCertificate", why.get()));
            return null;
        }
        return new BackendSettings.CaSource.Pem(pem);
    }

    /**
     * Prometheus for the metric probes. Without any metric probe, nothing is needed (and a given source is not
     * used); with one, the URL and the selectors of the versions the probes read are required.
     */
    private static PrometheusSource metrics(Merged m, ExperimentDocument doc, Map<String, String> canaryLabels,
                                            List<SpecProblem> problems) {
        List<ProbeSpec> probes = doc.experiment().hypothesis().probes();
        List<Integer> metricProbes = new ArrayList<>();
        boolean canaryRead = false;
        boolean baselineRead = false;
        for (int i = 0; i < probes.size(); i++) {
            if (probes.get(i) instanceof ProbeSpec.MetricProbe p) {
                metricProbes.add(i);
                canaryRead |= p.side() == ProbeSpec.Side.CANARY;
                baselineRead |= p.side() == ProbeSpec.Side.BASELINE;
            }
        }
        String urlText = m.get("prometheusUrl");
        URI url = null;
        if (urlText != null) {
            url = PrometheusSource.url(urlText).orElse(null);
            if (url == null) {
                problems.add(m.problem("prometheusUrl", "\"" + urlText + "\" is not an http(s) URL with a host"));
            }
        } else {
            for (int i : metricProbes) {
                problems.add(new SpecProblem("spec.hypothesis.probes[" + i + "]", "a metric probe on the " + m.type
                        + " backend reads Prometheus: give prometheusUrl (or metrics.prometheus in the spec), or use an"
                        + " HTTP probe (url, expectStatus)"));
            }
            for (String name : List.of("canarySelector", "baselineSelector")) {
                if (m.get(name) != null) {
                    problems.add(m.problem(name, "goes with prometheusUrl (or metrics.prometheus in the spec)"));
                }
            }
        }
        String canary = selector(m, "canarySelector", problems);
        String baseline = selector(m, "baselineSelector", problems);
        if (urlText != null && canary == null && m.get("canarySelector") == null && !canaryLabels.isEmpty()) {
            canary = PrometheusSource.selectorFor(canaryLabels);
        }
        if (urlText != null && canaryRead && canary == null && m.get("canarySelector") == null) {
            problems.add(m.problem("canarySelector", "a metric probe reads the canary: give canarySelector (PromQL label"
                    + " matchers, e.g. {app=\"checkout\",track=\"canary\"}) or canaryLabels"));
        }
        if (urlText != null && baselineRead && baseline == null && m.get("baselineSelector") == null) {
            problems.add(m.problem("baselineSelector", "a metric probe reads the baseline (on: baseline): give baselineSelector"
                    + " (PromQL label matchers, e.g. {app=\"checkout\",track=\"stable\"})"));
        }
        if (url == null || metricProbes.isEmpty() || (canary == null && baseline == null)) {
            return null;
        }
        java.time.Duration window = doc.metrics() != null && doc.metrics().rateWindow() != null ? doc.metrics().rateWindow()
                : PrometheusSource.DEFAULT_RATE_WINDOW;
        return new PrometheusSource(url, canaryRead ? canary : null, baselineRead ? baseline : null, window);
    }

    private static String selector(Merged m, String name, List<SpecProblem> problems) {
        String text = m.get(name);
        if (text == null) {
            return null;
        }
        Optional<String> why = PrometheusSource.selectorProblem(text);
        why.ifPresent(w -> problems.add(m.problem(name, w)));
        return why.isPresent() ? null : text.strip();
    }

    private static void requireLabelsForTarget(Merged m, ChaosTarget target, Map<String, String> canary, Map<String, String> app,
                                               List<SpecProblem> problems) {
        // an empty selector selects everything: refused here, before anything starts (the backends refuse it too)
        if (target.kind() == ChaosTarget.Kind.CANARY && canary.isEmpty()) {
            problems.add(m.problem("canaryLabels", "a canary target needs the canary's labels, e.g. track=canary"));
        }
        if (target.kind() == ChaosTarget.Kind.PERCENT && app.isEmpty()) {
            problems.add(m.problem("appLabels", "a percentage target needs the app's labels, e.g. app=checkout"));
        }
    }

    private static void checkFaults(ExperimentSpec spec, Function<Fault, Optional<String>> refusal, List<SpecProblem> problems) {
        for (int i = 0; i < spec.faults().size(); i++) {
            Optional<String> why = refusal.apply(spec.faults().get(i));
            if (why.isPresent()) {
                problems.add(new SpecProblem("spec.faults[" + i + "]", why.get()));
            }
        }
    }

    /** The backend settings given that the chosen backend does not take ({@link BackendChoice#SETTINGS}). */
    private static void notFor(Merged m, List<SpecProblem> problems) {
        List<String> takes = BackendChoice.SETTINGS.get(m.type);
        for (String name : SETTINGS) {
            if (!METRICS.contains(name) && !takes.contains(name) && m.get(name) != null) {
                String why = m.overriddenType != null && m.path(name).startsWith("spec.")
                        ? " (the step's backend argument chose " + m.type + " over the spec's " + m.overriddenType + ")" : "";
                problems.add(m.problem(name, "does not apply to the " + m.type + " backend" + why));
            }
        }
    }

    private static URI httpUrl(Merged m, String name, List<SpecProblem> problems) {
        String text = m.get(name);
        try {
            URI uri = new URI(text);
            if (uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                problems.add(m.problem(name, "\"" + text + "\" is not an http(s) URL with a host"));
                return null;
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            problems.add(m.problem(name, "\"" + text + "\" is not a URL"));
            return null;
        }
    }

    /** {@code k=v,k2=v2} as Kubernetes label syntax allows; empty when not given. */
    private static Map<String, String> labels(Merged m, String name, List<SpecProblem> problems) {
        Map<String, String> labels = new LinkedHashMap<>();
        String text = m.get(name);
        if (text == null) {
            return labels;
        }
        for (String pair : text.split(",")) {
            String p = pair.strip();
            int eq = p.indexOf('=');
            String key = eq < 0 ? p : p.substring(0, eq).strip();
            String value = eq < 0 ? null : p.substring(eq + 1).strip();
            if (value == null || !LABEL_KEY.matcher(key).matches() || !LABEL_VALUE.matcher(value).matches()) {
                problems.add(m.problem(name, "\"" + p + "\" is not a label key=value"));
            } else if (labels.put(key, value) != null) {
                problems.add(m.problem(name, "label " + key + " is given twice"));
            }
        }
        return labels;
    }
}
