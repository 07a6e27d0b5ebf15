package io.devopssim.deploy.jenkins;

import hudson.AbortException;

import java.util.regex.Pattern;

/**
 * A rollout id names a state file, goes into commit trailers and into the build page's URLs, so it is
 * kept to letters, digits, '.', '_' and '-' (as the state store requires), checked before anything happens.
 */
final class RolloutIds {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}");

    private RolloutIds() {
    }

    static String check(String id, String step, String argument) throws AbortException {
        if (!SAFE.matcher(id).matches()) {
            throw new AbortException(step + ": " + argument + " \"" + id + "\" must be 1 to 200 letters, digits, '.', '_'"
                    + " or '-', not starting with '.'");
        }
        return id;
    }

    /** {@code job/path#7} as an id part: {@code job_path_7}. */
    static String fromBuild(BuildRef build) {
        return build.externalizableId().replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
