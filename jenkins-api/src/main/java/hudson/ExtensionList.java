package hudson;

import edu.umd.cs.findbugs.annotations.NonNull;

import java.util.AbstractList;

/**
 * Compile-only copy of {@code ExtensionList}'s static lookup. Declared abstract because signatures.txt
 * captures only its static methods.
 */
public abstract class ExtensionList<T> extends AbstractList<T> {

    private ExtensionList() {
    }

    @NonNull
    public static <U> U lookupSingleton(Class<U> type) {
        throw new UnsupportedOperationException("stub: compile-only Jenkins API");
    }
}
