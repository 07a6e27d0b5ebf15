package io.devopssim.core.spec;

import java.util.Optional;
import java.util.regex.Pattern;

/** Parses {@code repository:tag} by the rules of the OCI distribution reference grammar. */
final class ImageRefs {
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    private static final Pattern REGISTRY = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(:[0-9]+)?");
    private static final Pattern PATH_COMPONENT = Pattern.compile("[a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*");

    private ImageRefs() {
    }

    static Optional<ImageRef> parse(String text) {
        int colon = text.lastIndexOf(':');
        if (text.contains("@") || colon < 0 || colon < text.lastIndexOf('/')) {
            return Optional.empty();
        }
        String repository = text.substring(0, colon);
        String tag = text.substring(colon + 1);
        return TAG.matcher(tag).matches() && validRepository(repository)
                ? Optional.of(new ImageRef(repository, tag))
                : Optional.empty();
    }

    /** Why {@link #parse} refused {@code text}. */
    static String problem(String text) {
        if (text.contains("@")) {
            return "\"" + text + "\": digests are not supported; give repository:tag";
        }
        int colon = text.lastIndexOf(':');
        if (colon < 0 || colon < text.lastIndexOf('/')) {
            return "\"" + text + "\" has no tag (expected repository:tag, e.g. ghcr.io/acme/checkout:1.5.0)";
        }
        String tag = text.substring(colon + 1);
        if (!TAG.matcher(tag).matches()) {
            return "tag \"" + tag + "\" is not valid (letters, digits, '_', '.' and '-', at most 128, "
                    + "not starting with '.' or '-')";
        }
        return "repository \"" + text.substring(0, colon) + "\" is not valid (lowercase path components "
                + "separated by '/', optionally after a registry host)";
    }

    private static boolean validRepository(String repository) {
        String[] parts = repository.split("/", -1);
        int first = 0;
        // the first component is a registry host when it looks like one, as in Docker's own rule
        if (parts.length > 1 && (parts[0].contains(".") || parts[0].contains(":") || parts[0].equals("localhost"))) {
            if (!REGISTRY.matcher(parts[0]).matches()) {
                return false;
            }
            first = 1;
        }
        for (int i = first; i < parts.length; i++) {
            if (!PATH_COMPONENT.matcher(parts[i]).matches()) {
                return false;
            }
        }
        return true;
    }
}
