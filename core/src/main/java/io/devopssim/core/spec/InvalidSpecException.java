package io.devopssim.core.spec;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A rollout spec is not valid. Carries every problem found, so the user fixes them in one go; the
 * message lists them one per line. Checked, because a caller must show these to a person rather than
 * let them become a stack trace.
 */
public class InvalidSpecException extends Exception {
    private static final long serialVersionUID = 1L;

    private final List<SpecProblem> problems;

    public InvalidSpecException(List<SpecProblem> problems) {
        super(problems.stream().map(SpecProblem::toString).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid spec has at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<SpecProblem> problems() {
        return problems;
    }
}
