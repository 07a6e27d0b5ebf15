package hudson.security;

/**
 * Compile-only declaration: the type of {@code Permission.group}. signatures.txt captures no member (so the
 * stub leaves out the real Iterable and Comparable, whose methods it would have to declare), and no group can
 * be created here: the stub permissions of {@code Item}, {@code Run} and {@code Jenkins} have none.
 */
public final class PermissionGroup {

    private PermissionGroup() {
    }
}
