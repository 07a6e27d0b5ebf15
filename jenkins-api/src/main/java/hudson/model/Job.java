package hudson.model;

/**
 * Compile-only declaration: the type of {@link Run#getParent()}. No member is captured in signatures.txt
 * for use here, so the stub has none and cannot be instantiated.
 */
public abstract class Job<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> {

    private Job() {
    }
}
