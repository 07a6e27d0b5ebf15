package io.devopssim.chaos.jenkins;

import hudson.model.Run;
import io.devopssim.chaos.ExperimentState;
import io.devopssim.chaos.FileExperimentStore;
import jenkins.model.RunAction2;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The run summary of one {@code chaosExperiment} of a build: a line on the build page ({@code summary.jelly})
 * and a page with the result and the probes' series ({@code index.jelly}). Only ids are saved with the build;
 * the data is read from the experiment's own state file in the build's folder, so there is one record of
 * the experiment and the page shows a running experiment as it goes.
 */
public final class ChaosRunAction implements RunAction2 {
    static final String STATE_FOLDER = "devsim-chaos";

    private final String experimentId;
    private final String experimentName;
    private final String backend;
    private transient Run<?, ?> run;
    private transient Path stateDir;

    /** @param stateDir where the experiment's state is; reset from the build in {@link #onAttached}/{@link #onLoad} */
    ChaosRunAction(String experimentId, String experimentName, String backend, Path stateDir) {
        this.experimentId = experimentId;
        this.experimentName = experimentName;
        this.backend = backend;
        this.stateDir = stateDir;
    }

    public String getExperimentId() {
        return experimentId;
    }

    @Override
    public String getIconFileName() {
        return "symbol-analytics"; // a core symbol (war/src/main/resources/images/symbols)
    }

    @Override
    public String getDisplayName() {
        return "Chaos experiment " + experimentName;
    }

    @Override
    public String getUrlName() {
        return "chaos-" + experimentId;
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        attach(r);
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        attach(r);
    }

    private void attach(Run<?, ?> r) {
        this.run = r;
        this.stateDir = r.getRootDir().toPath().resolve(STATE_FOLDER);
    }

    /** For the page's side panel. */
    public Run<?, ?> getRun() {
        return run;
    }

    /** Read afresh each time: the state file is small, and a running experiment changes it. */
    public ChaosRunViewModel getModel() {
        if (stateDir == null) {
            return ChaosRunViewModel.unavailable(experimentId, experimentName, backend, "not attached to a build");
        }
        try {
            Optional<ExperimentState> s = new FileExperimentStore(stateDir).load(experimentId);
            return s.map(state -> ChaosRunViewModel.of(experimentName, state)).orElseGet(() ->
                    ChaosRunViewModel.unavailable(experimentId, experimentName, backend, "its state is gone from the build's folder"));
        } catch (IOException e) {
            return ChaosRunViewModel.unavailable(experimentId, experimentName, backend, "its state cannot be read: " + e.getMessage());
        }
    }
}
