package io.devopssim.mlgate.jenkins;

import hudson.AbortException;
import io.devopssim.mlgate.gate.GatingCriterion;
import io.devopssim.mlgate.gate.TrainingParams;
import io.devopssim.mlgate.training.HeldOutSplit;
import io.devopssim.mlgate.training.TrainingRequest;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * trainDeploymentGate's arguments as given (serialized with the Pipeline program) and their validation:
 * every problem at once, as an AbortException, before anything is read or written.
 */
record TrainGateRequest(String history, String modelDir, int simulatedReleases, String falseRollbackRate, String tolerance,
                        String heldOut, int rounds, boolean replaceIncompatible, String gitRepo, String gitBranch,
                        String gitPath, String gitUsernameEnv, String gitPasswordEnv, String onRefused)
        implements Serializable {
    static final String DEFAULT_ON_REFUSED = "unstable";
    static final List<String> ON_REFUSED = List.of("unstable", "fail", "ignore");

    /** The parsed form. */
    record Validated(String history, String modelDir, int simulatedReleases, GatingCriterion criterion, double heldOut,
                     TrainingParams params, boolean replaceIncompatible, String gitRepo, String gitBranch, String gitPath,
                     String gitUsernameEnv, String gitPasswordEnv, String onRefused) {
    }

    Validated validate() throws AbortException {
        List<String> problems = new ArrayList<>();
        if (modelDir == null) {
            problems.add("modelDir is required");
        }
        if (history == null && simulatedReleases == 0) {
            problems.add("history (a history.jsonl in the workspace) or simulatedReleases is required: nothing to train on");
        }
        if (simulatedReleases < 0 || simulatedReleases > TrainingRequest.MAX_SIMULATED) {
            problems.add("simulatedReleases must be in 0.." + TrainingRequest.MAX_SIMULATED + ", got " + simulatedReleases);
        }
        double rate = share("falseRollbackRate", falseRollbackRate, GatingCriterion.DEFAULT.falseRollbackRate(), true, problems);
        double tol = share("tolerance", tolerance, GatingCriterion.DEFAULT.tolerance(), true, problems);
        double held = share("heldOut", heldOut, HeldOutSplit.DEFAULT_SHARE, false, problems);
        if (rounds < 1 || rounds > 10_000) {
            problems.add("rounds must be in 1..10000, got " + rounds);
        }
        String refused = onRefused == null ? DEFAULT_ON_REFUSED : onRefused.toLowerCase(Locale.ROOT);
        if (!ON_REFUSED.contains(refused)) {
            problems.add("onRefused \"" + onRefused + "\" is unknown; use one of " + ON_REFUSED);
        }
        if (gitRepo == null && (gitUsernameEnv != null || gitPasswordEnv != null)) {
            problems.add("gitUsernameEnv and gitPasswordEnv need gitRepo");
        } else if ((gitUsernameEnv == null) != (gitPasswordEnv == null)) {
            problems.add("gitUsernameEnv and gitPasswordEnv go together");
        }
        if (gitRepo != null && gitRepo.matches("(?i)[a-z][a-z0-9+.-]*://[^/@]*@.*")) {
            problems.add("gitRepo must not carry credentials; name them in gitUsernameEnv and gitPasswordEnv (withCredentials)");
        }
        if (!problems.isEmpty()) {
            throw new AbortException("trainDeploymentGate: " + String.join("; ", problems));
        }
        TrainingParams params = new TrainingParams(rounds, TrainingParams.DEFAULT.maxDepth(), TrainingParams.DEFAULT.eta(),
                TrainingParams.DEFAULT.seed(), TrainingParams.DEFAULT.threads());
        return new Validated(history, modelDir, simulatedReleases, new GatingCriterion(rate, tol), held, params,
                replaceIncompatible, gitRepo, gitBranch == null ? "main" : gitBranch, gitPath == null ? "" : gitPath,
                gitUsernameEnv, gitPasswordEnv, refused);
    }

    /** A number in [0, 1) (or (0, 1) when zero is not allowed); the default when not given. */
    private static double share(String name, String text, double fallback, boolean zeroAllowed, List<String> problems) {
        if (text == null) {
            return fallback;
        }
        try {
            double v = Double.parseDouble(text.trim());
            if (v >= 0 && v < 1 && (zeroAllowed || v > 0)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(name + " \"" + text + "\" must be a number in " + (zeroAllowed ? "[0, 1)" : "(0, 1)"));
        return fallback;
    }
}
