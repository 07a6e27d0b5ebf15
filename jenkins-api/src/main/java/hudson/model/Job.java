package hudson.model;

/**
 * Compile-only declaration: the type of {@link Run#getParent()}, an {@link Item} (through the real
 * AbstractItem, which the stub leaves out). No member of its own is captured in signatures.txt for use here,
 * so the stub has none and cannot be instantiated.
 */
public abstract class Job<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> implements Item {

    private Job() {
    }
}
