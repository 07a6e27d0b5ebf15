package hudson;

import edu.umd.cs.findbugs.annotations.NonNull;

import java.util.AbstractList;

/**
 * Compile-only copy of {@code ExtensionList}'s static lookups. Declared abstract because signatures.txt
 * captures only its static methods.
 */
public abstract class ExtensionList<T> extends AbstractList<T> {

    private ExtensionList() {
    }

    @NonNull
    public static <T> ExtensionList<T> lookup(Class<T> type) {
        throw new UnsupportedOperationException("stub: compile-only Jenkins API");
    }

    @NonNull
    public static <U> U lookupSingleton(Class<U> type) {
        throw new UnsupportedOperationException("stub: compile-only Jenkins API");
    }
}
