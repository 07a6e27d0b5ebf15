package jenkins;

/** Compile-only copy: the value type of {@link hudson.Extension#dynamicLoadable()}. */
public enum YesNoMaybe {
    YES,
    NO,
    MAYBE
}
