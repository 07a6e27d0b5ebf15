package io.devopssim.jenkinsapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Small helpers to take apart the javap-like declarations of signatures.txt. Generic arguments,
 * parameter lists, annotation-default arrays and string literals are kept whole while splitting.
 */
final class Declarations {

    static final Set<String> MODIFIERS = Set.of("public", "protected", "private", "static", "final", "abstract",
            "default", "synchronized", "native", "transient", "volatile", "strictfp");

    private Declarations() {
    }

    /** Splits at whitespace that is outside {@code <>}, {@code ()}, {@code {}} and string literals. */
    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                current.append(c);
                if (c == '"' && text.charAt(i - 1) != '\\') {
                    inString = false;
                }
                continue;
            }
            if (c == '"') {
                inString = true;
            } else if (c == '<' || c == '(' || c == '{') {
                depth++;
            } else if (c == '>' || c == ')' || c == '}') {
                depth--;
            }
            if (Character.isWhitespace(c) && depth == 0) {
                if (current.length() > 0) {
                    tokens.add(current.toString());
                    current.setLength(0);
                }
            } else {
                current.append(c);
            }
        }
        if (current.length() > 0) {
            tokens.add(current.toString());
        }
        return tokens;
    }

    /** Splits at commas that are outside {@code <>}, {@code ()} and {@code {}}; parts are trimmed. */
    static List<String> splitTopLevel(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '<' || c == '(' || c == '{') {
                depth++;
            } else if (c == '>' || c == ')' || c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(text.substring(start, i).trim());
                start = i + 1;
            }
        }
        String last = text.substring(start).trim();
        if (!last.isEmpty()) {
            parts.add(last);
        }
        return parts;
    }

    /** A type without its generic arguments: {@code java.util.List<T>} becomes {@code java.util.List}. */
    static String erasure(String type) {
        StringBuilder erased = new StringBuilder();
        int depth = 0;
        for (char c : type.toCharArray()) {
            if (c == '<') {
                depth++;
            } else if (c == '>') {
                depth--;
            } else if (depth == 0 && !Character.isWhitespace(c)) {
                erased.append(c);
            }
        }
        return erased.toString();
    }

    /** Whitespace removed, so that {@code Map<K, V>} written either way compares equal. */
    static String compact(String text) {
        return text.replaceAll("\\s+", "");
    }
}
