package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;

/**
 * Compile-only copy. All three methods are abstract in the baseline and must stay declared, or an action
 * compiled here could omit one and fail with AbstractMethodError in Jenkins. The real type also extends
 * ModelObject, which redeclares nothing a binding needs.
 */
public interface Action {
    @CheckForNull
    String getIconFileName();

    @CheckForNull
    String getDisplayName();

    @CheckForNull
    String getUrlName();
}
