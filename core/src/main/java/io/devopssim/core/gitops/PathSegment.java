package io.devopssim.core.gitops;

import java.util.List;

/** One step of a path into a YAML document. */
sealed interface PathSegment {

    /** How the step is written in a path, for messages. */
    String render(boolean first);

    /** A key of a mapping. */
    record Key(String name) implements PathSegment {
        @Override
        public String render(boolean first) {
            if (!name.isEmpty() && name.chars().allMatch(Key::plainKeyChar)) {
                return first ? name : "." + name;
            }
            return "[\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
        }

        private static boolean plainKeyChar(int c) {
            return c != '.' && c != '[' && c != ']' && c != '"' && c != '\'' && c != '=' && !Character.isWhitespace(c);
        }
    }

    /** An item of a list, counted from 0. */
    record Index(int index) implements PathSegment {
        @Override
        public String render(boolean first) {
            return "[" + index + "]";
        }
    }

    /**
     * The one item of a list (or, first in a path, the one document of a multi-document file) that is a
     * mapping whose value at {@code keyPath} is {@code value}: {@code containers[name=app]},
     * {@code [kind=Deployment]}, {@code [metadata.name=checkout]}.
     */
    record Match(List<String> keyPath, String value) implements PathSegment {
        public Match {
            keyPath = List.copyOf(keyPath);
        }

        @Override
        public String render(boolean first) {
            return "[" + String.join(".", keyPath) + "=" + value + "]";
        }
    }

    static String render(List<PathSegment> path) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < path.size(); i++) {
            sb.append(path.get(i).render(i == 0));
        }
        return sb.toString();
    }
}
