package hudson;

import java.util.TreeMap;

/**
 * Compile-only copy of a few {@code EnvVars} members. Declared abstract because signatures.txt captures only
 * some of its members; a test can still make one with {@code new EnvVars() {}} and fill it like a map.
 */
public abstract class EnvVars extends TreeMap<String, String> {

    public EnvVars() {
    }

    /** Like the real one: the value, or the default when the variable is not set. */
    public String get(String key, String defaultValue) {
        String value = get(key);
        return value != null ? value : defaultValue;
    }

    public String expand(String s) {
        throw new UnsupportedOperationException("stub: compile-only Jenkins API");
    }
}
