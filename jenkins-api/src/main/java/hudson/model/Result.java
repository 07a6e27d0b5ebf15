package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;

/**
 * Compile-only copy. The constants are objects, so javac links them by field reference and the real ones
 * are used in Jenkins. {@link #ordinal} is assigned in the constructor, not by a constant initializer,
 * because javac would otherwise inline the stub's value into the plugin's class files.
 */
public final class Result implements Serializable {

    @NonNull
    public static final Result SUCCESS = new Result("SUCCESS", 0);
    @NonNull
    public static final Result UNSTABLE = new Result("UNSTABLE", 1);
    @NonNull
    public static final Result FAILURE = new Result("FAILURE", 2);
    @NonNull
    public static final Result NOT_BUILT = new Result("NOT_BUILT", 3);
    @NonNull
    public static final Result ABORTED = new Result("ABORTED", 4);

    private final String name;

    public final int ordinal;

    private Result(String name, int ordinal) {
        this.name = name;
        this.ordinal = ordinal;
    }

    public boolean isWorseThan(Result that) {
        return ordinal > that.ordinal;
    }

    public boolean isBetterOrEqualTo(Result that) {
        return ordinal <= that.ordinal;
    }

    @NonNull
    @Override
    public String toString() {
        return name;
    }
}
