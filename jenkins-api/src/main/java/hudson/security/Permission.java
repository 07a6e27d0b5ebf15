package hudson.security;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import org.jvnet.localizer.Localizable;

/**
 * Compile-only copy of the permission fields and constructors. The constants of {@code Item}, {@code Run} and
 * {@code Jenkins} are built with the constructor below, so it stores its arguments instead of throwing: the
 * constants are then distinct objects a test can tell apart (by identity, or by name in {@link #toString()}).
 * Unlike the real one it accepts the null group and scope that are all the stubs can pass (a
 * {@link PermissionGroup} cannot be created here), so {@link #owner} and {@link #group} are null in the stubs.
 * In Jenkins the real constants are used: plugins link to them by field reference.
 */
public final class Permission {

    @NonNull
    public final Class owner;

    @NonNull
    public final PermissionGroup group;

    @NonNull
    public final String name;

    @CheckForNull
    public final Localizable description;

    @CheckForNull
    public final Permission impliedBy;

    public boolean enabled;

    public Permission(@NonNull PermissionGroup group, @NonNull String name, @CheckForNull Localizable description,
            @CheckForNull Permission impliedBy, boolean enable, @NonNull PermissionScope[] scopes)
            throws IllegalStateException {
        this.owner = null;
        this.group = group;
        this.name = name;
        this.description = description;
        this.impliedBy = impliedBy;
        this.enabled = enable;
    }

    public Permission(@NonNull PermissionGroup group, @NonNull String name, @CheckForNull Localizable description,
            @CheckForNull Permission impliedBy, @NonNull PermissionScope scope) {
        this(group, name, description, impliedBy, true, new PermissionScope[] {scope});
    }

    /** As the real one. */
    @Override
    public String toString() {
        return "Permission[" + owner + ',' + name + ']';
    }
}
