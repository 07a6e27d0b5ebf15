package io.devopssim.chaos;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Keeps experiments' states between transitions, so that a restarted controller resumes them, and its
 * kill switch finds every experiment it ever started. A save is atomic.
 */
public interface ExperimentStore {
    void save(ExperimentState state) throws IOException;

    Optional<ExperimentState> load(String experimentId) throws IOException;

    /** Every experiment saved here, in no particular order. */
    List<String> ids() throws IOException;
}
