package io.devopssim.multicloud;

import io.devopssim.core.spec.InvalidSpecException;
import io.devopssim.core.spec.Problems;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of a cluster definition, one method per field, shared by the YAML registry reader and the Jenkins
 * form checks ({@code doCheck...}), so both say the same thing about the same input. Each check returns the
 * problem as one sentence, or empty.
 */
public final class ClusterValidation {
    static final String FIELD_NAME = "name";
    static final String FIELD_CLOUD = "cloud";
    static final String FIELD_REGION = "region";
    static final String FIELD_LABELS = "labels";
    static final String FIELD_API_ENDPOINT = "apiEndpoint";
    static final String FIELD_CA_CERTIFICATE = "caCertificate";
    static final String FIELD_AUTH = "auth";
    static final String FIELD_ARGOCD = "argoCd";
    static final String FIELD_ENV_PATH = "envPath";

    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Pattern DNS_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");
    private static final Pattern REGION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}");
    /** Kubernetes label keys: an optional DNS-subdomain prefix and a name. */
    private static final Pattern LABEL_KEY = Pattern.compile("([a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?");
    private static final Pattern LABEL_VALUE = Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?");
    private static final Pattern PRINTABLE = Pattern.compile("[\\x21-\\x7e]+");
    private static final String PEM_CERTIFICATE = "-----BEGIN CERTIFICATE-----";

    private ClusterValidation() {
    }

    public static Optional<String> checkName(String name) {
        if (isBlank(name)) {
            return Optional.of("required");
        }
        if (!DNS_LABEL.matcher(name).matches()) {
            return Optional.of("\"" + name + "\" is not a DNS label (lowercase letters, digits and '-', at most 63,"
                    + " starting and ending with a letter or digit); it names rollouts, commits and traffic weights");
        }
        return Optional.empty();
    }

    public static Optional<String> checkCloud(String cloud) {
        if (isBlank(cloud)) {
            return Optional.of("required (one of " + String.join(", ", Cloud.yamlNames()) + ")");
        }
        if (Cloud.fromYaml(cloud).isEmpty()) {
            return Optional.of("\"" + cloud + "\" is not one of " + String.join(", ", Cloud.yamlNames()));
        }
        return Optional.empty();
    }

    public static Optional<String> checkRegion(String region) {
        if (isBlank(region)) {
            return Optional.of("required");
        }
        if (!REGION.matcher(region).matches()) {
            return Optional.of("\"" + region + "\" is not a region name (letters, digits, '-', '_' and '.')");
        }
        return Optional.empty();
    }

    public static Optional<String> checkLabel(String key, String value) {
        if (key == null || !LABEL_KEY.matcher(key).matches()) {
            return Optional.of("\"" + key + "\" is not a label key (a name of at most 63 characters, optionally prefixed"
                    + " by a DNS subdomain and '/')");
        }
        if (value == null || !LABEL_VALUE.matcher(value).matches()) {
            return Optional.of("label " + key + ": \"" + value + "\" is not a label value (at most 63 letters, digits,"
                    + " '-', '_' and '.')");
        }
        return Optional.empty();
    }

    /**
     * The API server: an https URL with a host. Plain http only to this machine (a token sent over http could be
     * read on the network). Optional with a kubeconfig context, which names its server.
     */
    public static Optional<String> checkApiEndpoint(String endpoint, boolean required) {
        if (isBlank(endpoint)) {
            return required ? Optional.of("required unless auth is a kubeconfig context") : Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(endpoint);
        } catch (URISyntaxException e) {
            return Optional.of("\"" + endpoint + "\" is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return Optional.of("\"" + endpoint + "\" has no host (write https://host[:port])");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry credentials; give them in auth");
        }
        if (scheme.equals("https")) {
            return Optional.empty();
        }
        if (scheme.equals("http") && isLoopback(uri.getHost())) {
            return Optional.empty();
        }
        return Optional.of(scheme.equals("http")
                ? "must be https (plain http is allowed only to 127.0.0.1 or localhost)"
                : "scheme \"" + scheme + "\" is not supported (use https)");
    }

    public static Optional<String> checkCaCertificate(String pem) {
        if (isBlank(pem)) {
            return Optional.empty();
        }
        if (!pem.strip().startsWith(PEM_CERTIFICATE)) {
            return Optional.of("must be a PEM certificate (starting with " + PEM_CERTIFICATE + ")");
        }
        return Optional.empty();
    }

    /** A credential id or kubeconfig context: one word of visible characters. */
    public static Optional<String> checkReference(String reference, String what) {
        if (isBlank(reference)) {
            return Optional.of(what + " is required");
        }
        if (!PRINTABLE.matcher(reference).matches()) {
            return Optional.of(what + " must be one word of visible characters");
        }
        return Optional.empty();
    }

    public static Optional<String> checkNamespace(String namespace) {
        if (isBlank(namespace)) {
            return Optional.empty();
        }
        if (!DNS_LABEL.matcher(namespace).matches()) {
            return Optional.of("\"" + namespace + "\" is not a namespace name (a DNS label)");
        }
        return Optional.empty();
    }

    public static Optional<String> checkApplication(String application) {
        if (isBlank(application) || !DNS_SUBDOMAIN.matcher(application).matches()) {
            return Optional.of("\"" + application + "\" is not an Application name (lowercase letters, digits, '-' and '.')");
        }
        return Optional.empty();
    }

    /** A folder inside the environment repository, relative to its root. */
    public static Optional<String> checkEnvPath(String envPath) {
        if (isBlank(envPath)) {
            return Optional.of("required (the cluster's folder in the environment repository, e.g. clusters/do-ams3)");
        }
        String normal = envPath.replace('\\', '/');
        boolean absolute = normal.startsWith("/") || normal.matches("[A-Za-z]:.*");
        if (absolute || List.of(normal.split("/")).contains("..") || normal.contains("//")) {
            return Optional.of("must be a folder inside the repository, relative to its root, got \"" + envPath + "\"");
        }
        return Optional.empty();
    }

    /** The cluster, or empty with every problem added under {@code path} (e.g. {@code clusters[2]}). */
    public static Optional<Cluster> validate(ClusterFields f, String path, Problems problems) {
        int before = problems.all().size();
        report(problems, path, FIELD_NAME, checkName(f.name()));
        report(problems, path, FIELD_CLOUD, checkCloud(f.cloud()));
        report(problems, path, FIELD_REGION, checkRegion(f.region()));
        f.labels().forEach((k, v) -> report(problems, path, FIELD_LABELS, checkLabel(k, v)));
        Optional<ClusterAuth> auth = auth(f, path, problems);
        boolean kubeconfig = auth.isPresent() && auth.get() instanceof ClusterAuth.KubeconfigContext;
        report(problems, path, FIELD_API_ENDPOINT, checkApiEndpoint(f.apiEndpoint(), !kubeconfig && auth.isPresent()));
        report(problems, path, FIELD_CA_CERTIFICATE, checkCaCertificate(f.caCertificate()));
        report(problems, path, FIELD_ARGOCD + ".namespace", checkNamespace(f.argoCdNamespace()));
        Set<String> apps = new HashSet<>();
        for (int i = 0; i < f.argoCdApplications().size(); i++) {
            String app = f.argoCdApplications().get(i);
            report(problems, path, FIELD_ARGOCD + ".applications[" + i + "]", checkApplication(app));
            if (!apps.add(app)) {
                problems.add(at(path, FIELD_ARGOCD + ".applications[" + i + "]"), "\"" + app + "\" is listed twice");
            }
        }
        report(problems, path, FIELD_ENV_PATH, checkEnvPath(f.envPath()));
        if (problems.all().size() > before || auth.isEmpty()) {
            return Optional.empty();
        }
        URI endpoint = isBlank(f.apiEndpoint()) ? null : URI.create(f.apiEndpoint());
        String namespace = isBlank(f.argoCdNamespace()) ? ArgoCdTarget.DEFAULT_NAMESPACE : f.argoCdNamespace();
        return Optional.of(new Cluster(f.name(), Cloud.fromYaml(f.cloud()).orElseThrow(), f.region(), f.labels(), endpoint,
                isBlank(f.caCertificate()) ? null : f.caCertificate().strip(), auth.get(),
                new ArgoCdTarget(namespace, f.argoCdApplications()), trimSlashes(f.envPath())));
    }

    /** A registry of every cluster, or every problem of every cluster at once (duplicate names included). */
    public static ClusterRegistry registry(List<ClusterFields> fields, String path) throws InvalidSpecException {
        Problems problems = new Problems();
        List<Cluster> clusters = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            String at = path + "[" + i + "]";
            String name = fields.get(i).name();
            if (name != null && seen.containsKey(name)) {
                problems.add(at + "." + FIELD_NAME, "\"" + name + "\" is already the name of " + path + "[" + seen.get(name) + "]");
            } else if (name != null) {
                seen.put(name, i);
            }
            validate(fields.get(i), at, problems).ifPresent(clusters::add);
        }
        if (!problems.isEmpty()) {
            throw new InvalidSpecException(problems.all());
        }
        return new ClusterRegistry(clusters);
    }

    /** Exactly one of kubeconfig context, token credential, client certificate credential. */
    static Optional<ClusterAuth> auth(ClusterFields f, String path, Problems problems) {
        List<String> given = new ArrayList<>();
        if (!isBlank(f.kubeconfigContext())) {
            given.add("kubeconfigContext");
        }
        if (!isBlank(f.tokenCredentialsId())) {
            given.add("tokenCredentialsId");
        }
        if (!isBlank(f.clientCertificateCredentialsId())) {
            given.add("clientCertificateCredentialsId");
        }
        if (given.size() != 1) {
            problems.add(at(path, FIELD_AUTH), (given.isEmpty() ? "required: " : "has " + String.join(" and ", given) + "; ")
                    + "give exactly one of kubeconfigContext, tokenCredentialsId, clientCertificateCredentialsId");
            return Optional.empty();
        }
        String kind = given.get(0);
        String value = switch (kind) {
            case "kubeconfigContext" -> f.kubeconfigContext();
            case "tokenCredentialsId" -> f.tokenCredentialsId();
            default -> f.clientCertificateCredentialsId();
        };
        Optional<String> problem = checkReference(value, kind);
        if (problem.isPresent()) {
            problems.add(at(path, FIELD_AUTH + "." + kind), problem.get());
            return Optional.empty();
        }
        return Optional.of(switch (kind) {
            case "kubeconfigContext" -> new ClusterAuth.KubeconfigContext(value);
            case "tokenCredentialsId" -> new ClusterAuth.Token(value);
            default -> new ClusterAuth.ClientCertificate(value);
        });
    }

    private static void report(Problems problems, String path, String field, Optional<String> problem) {
        problem.ifPresent(p -> problems.add(at(path, field), p));
    }

    private static String at(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    private static boolean isLoopback(String host) {
        return host.equals("127.0.0.1") || host.equalsIgnoreCase("localhost") || host.equals("[::1]");
    }

    private static String trimSlashes(String path) {
        String p = path.replace('\\', '/');
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
