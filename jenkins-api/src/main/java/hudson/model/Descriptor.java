package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;

/**
 * Compile-only copy of the part of {@code Descriptor} the bindings use. The constructors, {@link #getId()} and
 * {@link #getDisplayName()} do what the real ones do by default, so that a binding's descriptor can be created
 * and asked for its name in a unit test; the real class also implements Loadable, Saveable and OnMaster,
 * which no binding needs at compile time.
 */
public abstract class Descriptor<T extends Describable<T>> {

    public final transient Class<? extends T> clazz;

    protected Descriptor(Class<? extends T> clazz) {
        this.clazz = clazz;
    }

    /** Like the real one: the described class is the class this descriptor is nested in. */
    @SuppressWarnings("unchecked")
    protected Descriptor() {
        this.clazz = (Class<? extends T>) getClass().getEnclosingClass();
        if (clazz == null) {
            throw new AssertionError(getClass() + " has no outer class; use the constructor that takes the described class");
        }
    }

    @NonNull
    public String getDisplayName() {
        return clazz.getSimpleName();
    }

    public String getId() {
        return clazz.getName();
    }
}
