package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;

/**
 * Compile-only copy of the part of {@code Descriptor} the bindings use. The constructors, {@link #getId()} and
 * {@link #getDisplayName()} do what the real ones do by default, so that a binding's descriptor can be created
 * and asked for its name in a unit test; the real class also implements Loadable, Saveable and OnMaster,
 * which no binding needs at compile time. {@link #load()} and {@link #save()} throw: they need Jenkins.
 */
public abstract class Descriptor<T extends Describable<T>> {

    public final transient Class<? extends T> clazz;

    /** Like the real one: {@link #self()} stands for the descriptor's own class (a GlobalConfiguration). */
    @SuppressWarnings("unchecked")
    protected Descriptor(Class<? extends T> clazz) {
        this.clazz = clazz == self() ? (Class<? extends T>) getClass() : clazz;
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

    /** Writes the configuration to disk, which needs a running Jenkins: throws here. */
    public synchronized void save() {
        throw new UnsupportedOperationException("stub: compile-only Jenkins API");
    }

    /** Reads the persisted configuration, which needs a running Jenkins: throws here. */
    public synchronized void load() {
        throw new UnsupportedOperationException("stub: compile-only Jenkins API");
    }

    /**
     * A marker for "the class of this descriptor" in {@link #Descriptor(Class)}. The real marker is a private
     * nested class, which the stub cannot declare (every class here must be in signatures.txt); any class that
     * is never a described class will do, since only this stub's constructor compares with it.
     */
    @SuppressWarnings("rawtypes")
    protected static Class self() {
        return Descriptor.class;
    }
}
