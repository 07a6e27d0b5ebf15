package hudson.util;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;

/**
 * Compile-only copy. Tests of credential-consuming bindings necessarily create secrets, so
 * {@link #fromString(String)} and {@link #getPlainText()} do what the real ones do for a plain value; an
 * encrypted value ({@code {base64}}) needs the Jenkins master key and throws here. Like the real class it does
 * not print its value: the deprecated {@code toString()} that returns the plain text is not declared.
 */
public final class Secret implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    @NonNull
    public String getPlainText() {
        return value;
    }

    @Override
    public boolean equals(Object that) {
        return that instanceof Secret && value.equals(((Secret) that).value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @NonNull
    public static Secret fromString(String data) {
        String plain = data == null ? "" : data;
        if (plain.length() > 2 && plain.startsWith("{") && plain.endsWith("}")) {
            throw new UnsupportedOperationException("stub: compile-only Jenkins API cannot decrypt an encrypted Secret");
        }
        return new Secret(plain);
    }

    /** The plain text of {@code s}, or "" for null. */
    @NonNull
    public static String toString(Secret s) {
        return s == null ? "" : s.getPlainText();
    }
}
