package io.devopssim.core.gitops;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Parses the paths of {@link ValueLocator}s into {@link PathSegment}s.
 *
 * <p>YAML paths: {@code a.b[0].c}, {@code metadata.annotations["argocd.argoproj.io/sync-wave"]} (also with
 * single quotes), {@code containers[name=app].image}, and a leading {@code [kind=Deployment]} that picks a
 * document of a multi-document file. Helm keys are dotted as in {@code helm --set}: {@code image.tag},
 * {@code podAnnotations.prometheus\.io/scrape} ({@code \.} is a dot inside a key), {@code servers[0].port}.
 */
final class PathParser {

    private PathParser() {
    }

    static List<PathSegment> yamlPath(String path) throws ManifestEditException {
        return new Cursor(path, false).parse();
    }

    static List<PathSegment> helmKey(String key) throws ManifestEditException {
        return new Cursor(key, true).parse();
    }

    /** A hand-written recursive-descent parser over one path string. */
    private static final class Cursor {
        private final String text;
        private final boolean helm;
        private int pos;

        Cursor(String text, boolean helm) {
            this.text = text;
            this.helm = helm;
        }

        List<PathSegment> parse() throws ManifestEditException {
            if (text == null || text.isBlank()) {
                throw error("the path is empty");
            }
            List<PathSegment> out = new ArrayList<>();
            boolean expectKey = true;
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c == '[') {
                    out.add(bracket());
                    expectKey = false;
                } else if (c == '.') {
                    if (expectKey) {
                        throw error("empty key at position " + (pos + 1));
                    }
                    pos++;
                    expectKey = true;
                    if (pos == text.length()) {
                        throw error("the path ends with '.'");
                    }
                } else {
                    if (!expectKey) {
                        throw error("expected '.' or '[' at position " + (pos + 1));
                    }
                    out.add(new PathSegment.Key(bareKey()));
                    expectKey = false;
                }
            }
            return List.copyOf(out);
        }

        private String bareKey() {
            StringBuilder sb = new StringBuilder();
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (helm && c == '\\' && pos + 1 < text.length() && text.charAt(pos + 1) == '.') {
                    sb.append('.');
                    pos += 2;
                } else if (c == '.' || c == '[') {
                    break;
                } else {
                    sb.append(c);
                    pos++;
                }
            }
            return sb.toString();
        }

        private PathSegment bracket() throws ManifestEditException {
            int open = pos;
            pos++;
            if (pos >= text.length()) {
                throw error("unclosed '[' at position " + (open + 1));
            }
            char c = text.charAt(pos);
            PathSegment seg;
            if (c == '"' || c == '\'') {
                seg = new PathSegment.Key(quoted(c));
            } else {
                int close = text.indexOf(']', pos);
                if (close < 0) {
                    throw error("unclosed '[' at position " + (open + 1));
                }
                String inside = text.substring(pos, close).strip();
                pos = close;
                seg = inside.chars().allMatch(Character::isDigit) && !inside.isEmpty()
                        ? index(inside)
                        : match(inside, open);
            }
            if (pos >= text.length() || text.charAt(pos) != ']') {
                throw error("expected ']' at position " + (pos + 1));
            }
            pos++;
            return seg;
        }

        private PathSegment index(String digits) throws ManifestEditException {
            try {
                return new PathSegment.Index(Integer.parseInt(digits));
            } catch (NumberFormatException e) {
                throw error("list index " + digits + " is too large");
            }
        }

        private PathSegment match(String inside, int open) throws ManifestEditException {
            int eq = inside.indexOf('=');
            if (helm || eq <= 0) {
                throw error("expected a list index, a quoted key or key=value inside '[' at position " + (open + 1));
            }
            List<String> keyPath = Arrays.asList(inside.substring(0, eq).strip().split("\\.", -1));
            if (keyPath.stream().anyMatch(String::isEmpty)) {
                throw error("empty key in '[" + inside + "]'");
            }
            String value = inside.substring(eq + 1).strip();
            if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                    || value.startsWith("'") && value.endsWith("'"))) {
                value = value.substring(1, value.length() - 1);
            }
            return new PathSegment.Match(keyPath, value);
        }

        private String quoted(char quote) throws ManifestEditException {
            int start = pos;
            pos++;
            StringBuilder sb = new StringBuilder();
            while (pos < text.length()) {
                char c = text.charAt(pos++);
                if (c == '\\' && quote == '"' && pos < text.length()) {
                    sb.append(text.charAt(pos++));
                } else if (c == quote) {
                    if (quote == '\'' && pos < text.length() && text.charAt(pos) == '\'') {
                        sb.append('\'');
                        pos++;
                    } else {
                        return sb.toString();
                    }
                } else {
                    sb.append(c);
                }
            }
            throw error("unclosed quote at position " + (start + 1));
        }

        private ManifestEditException error(String what) {
            return new ManifestEditException("invalid " + (helm ? "Helm key" : "YAML path") + " '" + text + "': " + what);
        }
    }
}
