package io.devopssim.core.spec;

import java.util.Optional;
import java.util.regex.Pattern;

/** Checks of the Kubernetes names a spec gives (objects, namespaces, labels), reported like every other problem. */
final class KubernetesNames {
    /** An object name: a DNS-1123 subdomain, at most 253 characters. */
    private static final Pattern SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    /** A namespace: a DNS-1123 label, at most 63 characters. */
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    /** A label key: an optional DNS subdomain prefix and a name of at most 63 characters. */
    private static final Pattern LABEL_KEY = Pattern.compile("([a-z0-9]([-a-z0-9.]*[a-z0-9])?/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?");
    /** A label value: at most 63 characters, alphanumeric at both ends. */
    private static final Pattern LABEL_VALUE = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private KubernetesNames() {
    }

    static Optional<String> objectName(SpecNode node, String key, boolean required) {
        return node.text(key, required).filter(v -> check(node, key, v, v.length() <= 253 && SUBDOMAIN.matcher(v).matches(),
                "is not a Kubernetes object name (lowercase letters, digits, '-' and '.', at most 253 characters)"));
    }

    static Optional<String> namespace(SpecNode node, String key, boolean required) {
        return node.text(key, required).filter(v -> check(node, key, v, v.length() <= 63 && LABEL.matcher(v).matches(),
                "is not a namespace name (lowercase letters, digits and '-', at most 63 characters)"));
    }

    static Optional<String> labelKey(SpecNode node, String key, boolean required) {
        return node.text(key, required).filter(v -> check(node, key, v, v.length() <= 317 && LABEL_KEY.matcher(v).matches(),
                "is not a label key"));
    }

    static Optional<String> labelValue(SpecNode node, String key, boolean required) {
        return node.text(key, required).filter(v -> check(node, key, v, LABEL_VALUE.matcher(v).matches(),
                "is not a label value (letters, digits, '-', '_' and '.', at most 63 characters)"));
    }

    /** The name of an environment variable that holds a secret; the secret itself never is in a spec. */
    static Optional<String> envName(SpecNode node, String key, boolean required) {
        return node.text(key, required).filter(v -> check(node, key, v, ENV_NAME.matcher(v).matches(),
                "is not an environment variable name (give the variable's name, never the secret)"));
    }

    private static boolean check(SpecNode node, String key, String value, boolean ok, String problem) {
        if (!ok) {
            node.problems().add(node.path(key), "\"" + value + "\" " + problem);
        }
        return ok;
    }
}
