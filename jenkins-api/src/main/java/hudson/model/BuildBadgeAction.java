package hudson.model;

/** Compile-only copy. A badge action needs a badge.jelly, or the build history row breaks. */
public interface BuildBadgeAction extends Action {
}
