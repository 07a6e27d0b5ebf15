package jenkins.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import hudson.ExtensionList;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.security.ACL;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import hudson.security.PermissionScope;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;

/**
 * Compile-only copy of the part of {@code Jenkins} the bindings use. signatures.txt captures only some
 * members, so the stub is abstract and cannot be instantiated: {@link #get()} throws, and with it every
 * permission check against Jenkins (see the README on taking permission checks through a seam). The
 * permission constants are distinct stub objects (see {@link Permission}); the real ones are used in Jenkins.
 * The real class also extends AbstractCIBase and implements more interfaces, which no binding needs here.
 */
public abstract class Jenkins implements AccessControlled {

    public static final Permission ADMINISTER = new Permission(null, "Administer", null, null, (PermissionScope) null);
    public static final Permission SYSTEM_READ = new Permission(null, "SystemRead", null, null, (PermissionScope) null);
    public static final Permission READ = new Permission(null, "Read", null, null, (PermissionScope) null);

    private Jenkins() {
    }

    @NonNull
    public static Jenkins get() throws IllegalStateException {
        throw new UnsupportedOperationException("stub: compile-only Jenkins API");
    }

    @CheckForNull
    public static Jenkins getInstanceOrNull() {
        throw new UnsupportedOperationException("stub: compile-only Jenkins API");
    }

    @SuppressWarnings("rawtypes")
    public Descriptor getDescriptor(String id) {
        throw new UnsupportedOperationException("stub: compile-only Jenkins API");
    }

    @CheckForNull
    @SuppressWarnings("rawtypes")
    public Descriptor getDescriptor(Class<? extends Describable> type) {
        throw new UnsupportedOperationException("stub: compile-only Jenkins API");
    }

    @NonNull
    @SuppressWarnings("rawtypes")
    public Descriptor getDescriptorOrDie(Class<? extends Describable> type) {
        throw new UnsupportedOperationException("stub: compile-only Jenkins API");
    }

    @SuppressWarnings("rawtypes")
    public <T extends Descriptor> T getDescriptorByType(Class<T> type) {
        throw new UnsupportedOperationException("stub: compile-only Jenkins API");
    }

    @Nullable
    public String getRootUrl() throws IllegalStateException {
        throw new UnsupportedOperationException("stub: compile-only Jenkins API");
    }

    public <T> ExtensionList<T> getExtensionList(Class<T> extensionType) {
        throw new UnsupportedOperationException("stub: compile-only Jenkins API");
    }

    @NonNull
    @Override
    public ACL getACL() {
        throw new UnsupportedOperationException("stub: compile-only Jenkins API");
    }

    @CheckForNull
    public <T extends Item> T getItemByFullName(String fullName, Class<T> type) throws AccessDeniedException {
        throw new UnsupportedOperationException("stub: compile-only Jenkins API");
    }

    @CheckForNull
    public Item getItemByFullName(String fullName) {
        throw new UnsupportedOperationException("stub: compile-only Jenkins API");
    }

    @NonNull
    public static Authentication getAuthentication2() {
        throw new UnsupportedOperationException("stub: compile-only Jenkins API");
    }
}
