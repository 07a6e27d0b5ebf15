package hudson.security;

/** Compile-only declaration: a parameter type of {@code Permission}'s constructors. No member is captured. */
public final class PermissionScope {

    private PermissionScope() {
    }
}
