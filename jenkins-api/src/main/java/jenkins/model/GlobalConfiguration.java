package jenkins.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.ExtensionList;
import hudson.model.Describable;
import hudson.model.Descriptor;

/**
 * Compile-only copy. A global configuration is its own descriptor: the constructor and {@link #getDescriptor()}
 * do what the real ones do, so a subclass can be created in a unit test as long as its constructor does not
 * call {@link #load()} (which needs Jenkins). Its form page is {@code <subclass path>/config.jelly}.
 */
public abstract class GlobalConfiguration extends Descriptor<GlobalConfiguration> implements Describable<GlobalConfiguration> {

    @SuppressWarnings("unchecked")
    protected GlobalConfiguration() {
        super(self());
    }

    @Override
    public final Descriptor<GlobalConfiguration> getDescriptor() {
        return this;
    }

    @NonNull
    public static ExtensionList<GlobalConfiguration> all() {
        throw new UnsupportedOperationException("stub: compile-only Jenkins API");
    }
}
