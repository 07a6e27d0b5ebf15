package io.devopssim.core.chaos;

import io.devopssim.core.spec.InvalidSpecException;
import io.devopssim.core.spec.SpecProblem;

import java.time.Instant;
import java.util.List;

/**
 * Port: the chaos engine as a rollout's {@code chaos} step sees it. Experiments are named by id and every
 * call is idempotent, so a resumed rollout simply calls again. plugin-chaos implements it; without it a
 * chaos step is refused before the rollout starts.
 */
public interface ChaosExperiments {

    /** Refuses every experiment: the chaos plugin is not there. */
    ChaosExperiments NONE = new ChaosExperiments() {
        @Override
        public void validate(String path, String experimentYaml) throws InvalidSpecException {
            throw new InvalidSpecException(List.of(new SpecProblem(path,
                    "chaos steps need the chaos engine (plugin-chaos), which is not installed")));
        }

        @Override
        public Progress advance(String experimentId, String experimentYaml) throws ChaosBackendException {
            throw new ChaosBackendException("chaos steps need the chaos engine (plugin-chaos)");
        }

        @Override
        public void stop(String experimentId, String reason) {
            // nothing can have started
        }
    };

    /** Checks an experiment before anything starts; problems are reported under {@code path}. */
    void validate(String path, String experimentYaml) throws InvalidSpecException;

    /** Starts the experiment or runs what is due; returns when to call again, or the result. */
    Progress advance(String experimentId, String experimentYaml) throws ChaosBackendException;

    /** Stops the experiment and halts any fault it may have in force; a no-op when unknown or finished. */
    void stop(String experimentId, String reason) throws ChaosBackendException;

    /**
     * @param waitUntil call {@link #advance} again then (null when done)
     * @param result    the outcome once finished, else null
     * @param message   the last thing that happened, for the log
     */
    record Progress(Instant waitUntil, ChaosResult result, String message) {
        public boolean done() {
            return result != null;
        }
    }
}
