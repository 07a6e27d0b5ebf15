package hudson;

/** Compile-only copy of the marker interface of types that plugins contribute implementations of. */
public interface ExtensionPoint {
}
