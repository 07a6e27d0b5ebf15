package hudson.model;

/** Compile-only copy. {@code getDescriptor()} is abstract in the 2.479.3 baseline (a default method from 2.505). */
public interface Describable<T extends Describable<T>> {
    Descriptor<T> getDescriptor();
}
