package hudson.model;

/** Compile-only copy. At run time the descriptor comes from Jenkins' extension list, so the stub cannot answer. */
public abstract class AbstractDescribableImpl<T extends AbstractDescribableImpl<T>> implements Describable<T> {

    @Override
    public Descriptor<T> getDescriptor() {
        throw new UnsupportedOperationException("stub: compile-only Jenkins API");
    }
}
