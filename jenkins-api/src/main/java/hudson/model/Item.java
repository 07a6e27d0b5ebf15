package hudson.model;

import hudson.security.AccessControlled;
import hudson.security.Permission;
import hudson.security.PermissionScope;
import java.io.IOException;
import java.util.Collection;

/**
 * Compile-only copy of {@code Item}: its abstract methods (kept so that nothing compiled here can leave one
 * unimplemented) and its permission constants. The constants are distinct stub objects (see
 * {@link Permission}); the real ones are used in Jenkins. The real interface also extends PersistenceRoot,
 * SearchableModelObject and OnMaster, which no binding needs at compile time.
 */
public interface Item extends AccessControlled {

    Permission CREATE = new Permission(null, "Create", null, null, (PermissionScope) null);
    Permission DELETE = new Permission(null, "Delete", null, null, (PermissionScope) null);
    Permission CONFIGURE = new Permission(null, "Configure", null, null, (PermissionScope) null);
    Permission READ = new Permission(null, "Read", null, null, (PermissionScope) null);
    Permission DISCOVER = new Permission(null, "Discover", null, null, (PermissionScope) null);
    Permission EXTENDED_READ = new Permission(null, "ExtendedRead", null, null, (PermissionScope) null);
    Permission BUILD = new Permission(null, "Build", null, null, (PermissionScope) null);
    Permission WORKSPACE = new Permission(null, "Workspace", null, null, (PermissionScope) null);
    Permission WIPEOUT = new Permission(null, "WipeOut", null, null, (PermissionScope) null);
    Permission CANCEL = new Permission(null, "Cancel", null, null, (PermissionScope) null);

    ItemGroup<? extends Item> getParent();

    @SuppressWarnings("rawtypes")
    Collection<? extends Job> getAllJobs();

    String getName();

    String getFullName();

    String getDisplayName();

    String getFullDisplayName();

    String getUrl();

    String getShortUrl();

    void onLoad(ItemGroup<? extends Item> parent, String name) throws IOException;

    void onCopiedFrom(Item src);

    void save() throws IOException;

    void delete() throws IOException, InterruptedException;
}
