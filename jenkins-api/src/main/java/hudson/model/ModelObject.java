package hudson.model;

/** Compile-only copy: a parameter type of {@code ListBoxModel.add}. */
public interface ModelObject {

    String getDisplayName();
}
