package hudson.security;

import org.springframework.security.core.Authentication;

/**
 * Compile-only copy of the part of {@code ACL} the bindings use; abstract because signatures.txt captures only
 * some members. {@link #SYSTEM2} is null here (building the real token needs Spring beyond the one jar this
 * module compiles against); in Jenkins the real constant is used.
 */
public abstract class ACL {

    public static final Authentication SYSTEM2 = null;

    private ACL() {
    }

    public final void checkPermission(Permission p) {
        throw new UnsupportedOperationException("stub: compile-only Jenkins API");
    }

    public boolean hasPermission2(Authentication a, Permission permission) {
        throw new UnsupportedOperationException("stub: compile-only Jenkins API");
    }
}
