package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import hudson.security.PermissionScope;

/**
 * Compile-only copy of the part of {@code Run} the bindings use. signatures.txt captures only some members
 * and none of its constructors, so the stub cannot be subclassed or instantiated (private constructor). Its
 * permission constants are distinct stub objects (see {@link Permission}).
 */
public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends Actionable
        implements AccessControlled {

    public static final Permission DELETE = new Permission(null, "Delete", null, null, (PermissionScope) null);
    public static final Permission UPDATE = new Permission(null, "Update", null, null, (PermissionScope) null);
    public static final Permission ARTIFACTS = new Permission(null, "Artifacts", null, null, (PermissionScope) null);

    private Run() {
    }

    @Override
    public void addAction(Action a) {
        throw new UnsupportedOperationException("stub: compile-only Jenkins API");
    }

    @CheckForNull
    public Result getResult() {
        throw new UnsupportedOperationException("stub: compile-only Jenkins API");
    }

    public void setResult(Result r) {
        throw new UnsupportedOperationException("stub: compile-only Jenkins API");
    }

    @NonNull
    public JobT getParent() {
        throw new UnsupportedOperationException("stub: compile-only Jenkins API");
    }

    public int getNumber() {
        throw new UnsupportedOperationException("stub: compile-only Jenkins API");
    }

    @NonNull
    public String getUrl() {
        throw new UnsupportedOperationException("stub: compile-only Jenkins API");
    }

    @NonNull
    public String getId() {
        throw new UnsupportedOperationException("stub: compile-only Jenkins API");
    }

    @NonNull
    public java.io.File getRootDir() {
        throw new UnsupportedOperationException("stub: compile-only Jenkins API");
    }

    public String getExternalizableId() {
        throw new UnsupportedOperationException("stub: compile-only Jenkins API");
    }
}
