package hudson.model;

/** Compile-only copy; the bodies are the real ones (an invisible action has no icon, name or URL). */
public abstract class InvisibleAction implements Action {

    @Override
    public final String getIconFileName() {
        return null;
    }

    @Override
    public final String getDisplayName() {
        return null;
    }

    @Override
    public String getUrlName() {
        return null;
    }
}
