package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.List;

/** Compile-only copy of the action accessors (the real class also extends AbstractModelObject). */
public abstract class Actionable {

    @NonNull
    public <T extends Action> List<T> getActions(Class<T> type) {
        throw new UnsupportedOperationException("stub: compile-only Jenkins API");
    }

    public void addAction(Action a) {
        throw new UnsupportedOperationException("stub: compile-only Jenkins API");
    }

    public void replaceAction(Action a) {
        throw new UnsupportedOperationException("stub: compile-only Jenkins API");
    }

    public boolean addOrReplaceAction(Action a) {
        throw new UnsupportedOperationException("stub: compile-only Jenkins API");
    }

    public <T extends Action> T getAction(Class<T> type) {
        throw new UnsupportedOperationException("stub: compile-only Jenkins API");
    }
}
