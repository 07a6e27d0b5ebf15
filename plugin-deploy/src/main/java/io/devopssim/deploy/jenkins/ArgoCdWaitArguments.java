package io.devopssim.deploy.jenkins;

import hudson.AbortException;
import io.devopssim.core.spec.Durations;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks {@code waitForArgoCd}'s arguments, all at once, before any request: a plain class, so every rule is
 * unit-tested without Jenkins.
 */
final class ArgoCdWaitArguments {
    static final String DEFAULT_NAMESPACE = "argocd";
    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);
    static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);

    /** Argo CD Application names are Kubernetes object names (DNS-1123 subdomains). */
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    /** Argo CD reports the full commit id (SHA-1, or SHA-256 repositories): a short one would never match. */
    private static final Pattern REVISION = Pattern.compile("[0-9a-fA-F]{40}|[0-9a-fA-F]{64}");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private ArgoCdWaitArguments() {
    }

    /**
     * @param r    the arguments
     * @param step for messages
     * @return the checked wait
     * @throws AbortException listing every problem
     */
    static ArgoCdWait check(ArgoCdWaitRequest r, String step) throws AbortException {
        List<String> problems = new ArrayList<>();
        if (r.application() == null) {
            problems.add("application: required");
        } else if (!NAME.matcher(r.application()).matches()) {
            problems.add("application: \"" + r.application() + "\" is not an Application name (lowercase letters, digits, '-' and '.')");
        }
        if (r.revision() == null) {
            problems.add("revision: required (the full commit id, e.g. what promoteRelease returns)");
        } else if (!REVISION.matcher(r.revision()).matches()) {
            problems.add("revision: \"" + r.revision() + "\" is not a full commit id (40 hex digits): Argo CD reports full ids");
        }
        URI server = null;
        if (r.server() != null) {
            server = server(r.server(), problems);
            if (r.tokenEnv() == null) {
                problems.add("tokenEnv: required with server (the variable withCredentials sets to the API token)");
            } else if (!ENV_NAME.matcher(r.tokenEnv()).matches()) {
                problems.add("tokenEnv: \"" + r.tokenEnv() + "\" is not an environment variable name");
            }
            if (r.namespace() != null) {
                problems.add("namespace: only without server (the Application resource is read through Kubernetes)");
            }
        } else if (r.tokenEnv() != null) {
            problems.add("tokenEnv: only with server (the REST API)");
        }
        String namespace = r.namespace() != null ? r.namespace() : DEFAULT_NAMESPACE;
        if (!LABEL.matcher(namespace).matches()) {
            problems.add("namespace: \"" + namespace + "\" is not a namespace name");
        }
        Duration timeout = duration("timeout", r.timeout(), DEFAULT_TIMEOUT, problems);
        Duration interval = duration("interval", r.interval(), DEFAULT_INTERVAL, problems);
        if (timeout != null && interval != null && interval.compareTo(timeout) > 0) {
            problems.add("interval: " + Durations.format(interval) + " is longer than the timeout " + Durations.format(timeout));
        }
        if (!problems.isEmpty()) {
            throw new AbortException(step + ": invalid arguments:\n" + String.join("\n", problems));
        }
        return new ArgoCdWait(r.application(), r.revision().toLowerCase(Locale.ROOT), server, r.tokenEnv(), namespace,
                timeout, interval, r.sync());
    }

    private static URI server(String text, List<String> problems) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                problems.add("server: \"" + text + "\" is not an http or https URL");
                return null;
            }
            if (uri.getRawUserInfo() != null) {
                problems.add("server: must not carry credentials; give the token in tokenEnv");
                return null;
            }
            return uri;
        } catch (URISyntaxException e) {
            problems.add("server: not a valid URL: " + e.getReason());
            return null;
        }
    }

    private static Duration duration(String name, String text, Duration otherwise, List<String> problems) {
        if (text == null) {
            return otherwise;
        }
        Optional<Duration> d = Durations.parse(text);
        if (d.isEmpty() || d.get().isNegative() || d.get().isZero()) {
            problems.add(name + ": \"" + text + "\" is not a positive duration (use " + Durations.EXAMPLES + ")");
            return null;
        }
        return d.get();
    }

    /** A checked wait. The token is not here: only the name of the variable that holds it. */
    record ArgoCdWait(String application, String revision, URI server, String tokenEnv, String namespace,
                      Duration timeout, Duration interval, boolean sync) {
    }
}
