package io.devopssim.chaos.jenkins;

import io.devopssim.chaos.ExperimentSpec;
import io.devopssim.chaos.ProbeSpec;
import io.devopssim.chaos.gremlin.GremlinBackend;
import io.devopssim.chaos.k8s.KubernetesBackend;
import io.devopssim.core.chaos.ChaosTarget;
import io.devopssim.core.chaos.Fault;
import io.devopssim.core.spec.InvalidSpecException;
import io.devopssim.core.spec.SpecProblem;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Checks the step's backend arguments against each other and against the experiment, reporting every problem
 * at once, before anything starts: an argument that belongs to another backend (so that a forgotten
 * {@code backend: 'kubernetes'} does not quietly run a dry run), a missing namespace or credential, a fault the
 * backend cannot inject, a target without the labels to find it. Plain Java, unit-tested without Jenkins.
 */
public final class BackendSettingsReader {
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Pattern LABEL_KEY = Pattern.compile("([a-z0-9.-]{1,253}/)?[A-Za-z0-9]([A-Za-z0-9._-]{0,61}[A-Za-z0-9])?");
    private static final Pattern LABEL_VALUE = Pattern.compile("([A-Za-z0-9]([A-Za-z0-9._-]{0,61}[A-Za-z0-9])?)?");

    public BackendSettings read(BackendArguments a, ExperimentSpec spec) throws InvalidSpecException {
        List<SpecProblem> problems = new ArrayList<>();
        String backend = a.backend() == null ? "simulator" : a.backend().strip().toLowerCase(Locale.ROOT);
        BackendSettings settings = switch (backend) {
            case "simulator" -> simulator(a, problems);
            case "kubernetes" -> kubernetes(a, spec, problems);
            case "gremlin" -> gremlin(a, spec, problems);
            default -> {
                problems.add(new SpecProblem("backend", "must be simulator, kubernetes or gremlin, not \"" + a.backend() + "\""));
                yield null;
            }
        };
        if (settings != null && settings.kind() != BackendSettings.Kind.SIMULATOR) {
            checkFaults(spec, settings.kind() == BackendSettings.Kind.KUBERNETES ? KubernetesBackend::refusal : GremlinBackend::refusal,
                    problems);
            checkProbes(spec, backend, problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidSpecException(problems);
        }
        return settings;
    }

    private static BackendSettings simulator(BackendArguments a, List<SpecProblem> problems) {
        notFor("simulator", a, problems, "namespace", "kubeContext", "serverUrl", "credentialsId", "teamId", "canaryLabels", "appLabels");
        return new BackendSettings.Simulator();
    }

    private static BackendSettings kubernetes(BackendArguments a, ExperimentSpec spec, List<SpecProblem> problems) {
        notFor("kubernetes", a, problems, "teamId");
        if (a.namespace() == null) {
            problems.add(new SpecProblem("namespace", "the kubernetes backend needs the target's namespace"));
        } else if (!DNS_LABEL.matcher(a.namespace()).matches()) {
            problems.add(new SpecProblem("namespace", "\"" + a.namespace() + "\" is not a namespace name (a DNS label)"));
        }
        URI server = null;
        if (a.serverUrl() != null && a.kubeContext() != null) {
            problems.add(new SpecProblem("serverUrl", "give kubeContext or serverUrl, not both"));
        } else if (a.serverUrl() != null) {
            server = httpUrl("serverUrl", a.serverUrl(), problems);
            if (a.credentialsId() == null) {
                problems.add(new SpecProblem("credentialsId", "serverUrl needs the id of a secret text credential holding a token"));
            }
        } else if (a.credentialsId() != null) {
            problems.add(new SpecProblem("credentialsId", "for kubernetes, a credential goes with serverUrl (a kubeContext brings its own)"));
        }
        Map<String, String> canary = labels("canaryLabels", a.canaryLabels(), problems);
        Map<String, String> app = labels("appLabels", a.appLabels(), problems);
        requireLabelsForTarget(spec.target(), canary, app, problems);
        return new BackendSettings.Kubernetes(a.namespace(), a.kubeContext(), server, a.credentialsId(), canary, app);
    }

    private static BackendSettings gremlin(BackendArguments a, ExperimentSpec spec, List<SpecProblem> problems) {
        notFor("gremlin", a, problems, "namespace", "kubeContext", "serverUrl");
        if (a.credentialsId() == null) {
            problems.add(new SpecProblem("credentialsId", "the gremlin backend needs the id of a credential holding the API key"));
        }
        Map<String, String> canary = labels("canaryLabels", a.canaryLabels(), problems);
        Map<String, String> app = labels("appLabels", a.appLabels(), problems);
        requireLabelsForTarget(spec.target(), canary, app, problems);
        return new BackendSettings.Gremlin(a.credentialsId(), a.teamId(), canary, app);
    }

    private static void requireLabelsForTarget(ChaosTarget target, Map<String, String> canary, Map<String, String> app,
                                               List<SpecProblem> problems) {
        // an empty selector selects everything: refused here, before anything starts (the backends refuse it too)
        if (target.kind() == ChaosTarget.Kind.CANARY && canary.isEmpty()) {
            problems.add(new SpecProblem("canaryLabels", "a canary target needs the canary's labels, e.g. track=canary"));
        }
        if (target.kind() == ChaosTarget.Kind.PERCENT && app.isEmpty()) {
            problems.add(new SpecProblem("appLabels", "a percentage target needs the app's labels, e.g. app=checkout"));
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

    private static void checkProbes(ExperimentSpec spec, String backend, List<SpecProblem> problems) {
        List<ProbeSpec> probes = spec.hypothesis().probes();
        for (int i = 0; i < probes.size(); i++) {
            if (probes.get(i) instanceof ProbeSpec.MetricProbe) {
                problems.add(new SpecProblem("spec.hypothesis.probes[" + i + "]", "a metric probe needs a metrics source, which the "
                        + backend + " backend has none of in Jenkins yet: use an HTTP probe (url, expectStatus)"));
            }
        }
    }

    private static void notFor(String backend, BackendArguments a, List<SpecProblem> problems, String... names) {
        for (String name : names) {
            String value = switch (name) {
                case "namespace" -> a.namespace();
                case "kubeContext" -> a.kubeContext();
                case "serverUrl" -> a.serverUrl();
                case "credentialsId" -> a.credentialsId();
                case "teamId" -> a.teamId();
                case "canaryLabels" -> a.canaryLabels();
                case "appLabels" -> a.appLabels();
                default -> throw new IllegalArgumentException(name);
            };
            if (value != null) {
                problems.add(new SpecProblem(name, "does not apply to the " + backend + " backend"));
            }
        }
    }

    private static URI httpUrl(String name, String text, List<SpecProblem> problems) {
        try {
            URI uri = new URI(text);
            if (uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                problems.add(new SpecProblem(name, "\"" + text + "\" is not an http(s) URL with a host"));
                return null;
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            problems.add(new SpecProblem(name, "\"" + text + "\" is not a URL"));
            return null;
        }
    }

    /** {@code k=v,k2=v2} as Kubernetes label syntax allows; empty for null. */
    static Map<String, String> labels(String name, String text, List<SpecProblem> problems) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (text == null) {
            return labels;
        }
        for (String pair : text.split(",")) {
            String p = pair.strip();
            int eq = p.indexOf('=');
            String key = eq < 0 ? p : p.substring(0, eq).strip();
            String value = eq < 0 ? null : p.substring(eq + 1).strip();
            if (value == null || !LABEL_KEY.matcher(key).matches() || !LABEL_VALUE.matcher(value).matches()) {
                problems.add(new SpecProblem(name, "\"" + p + "\" is not a label key=value"));
            } else if (labels.put(key, value) != null) {
                problems.add(new SpecProblem(name, "label " + key + " is given twice"));
            }
        }
        return labels;
    }
}
