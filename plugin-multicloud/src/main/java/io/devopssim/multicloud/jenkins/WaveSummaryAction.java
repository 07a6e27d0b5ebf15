package io.devopssim.multicloud.jenkins;

import hudson.model.Run;
import io.devopssim.multicloud.FileWaveStateStore;
import io.devopssim.multicloud.WaveRunState;
import io.devopssim.multicloud.WaveSummary;
import jenkins.model.RunAction2;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The summary of one {@code multiCloudRollout} on the build page ({@code summary.jelly}): one row per cluster
 * and wave. Only ids are saved with the build; the rows are read from the plan's own state file in the build's
 * folder, so there is one record of the plan and a running plan shows as it goes.
 */
public final class WaveSummaryAction implements RunAction2 {
    static final String STATE_FOLDER = "devsim-waves";

    private final String planId;
    private final String title;
    private transient Path stateDir;

    /** @param stateDir where the plan's state is; reset from the build in {@link #onAttached}/{@link #onLoad} */
    WaveSummaryAction(String planId, String title, Path stateDir) {
        this.planId = planId;
        this.title = title;
        this.stateDir = stateDir;
    }

    public String getPlanId() {
        return planId;
    }

    /** {@code checkout 1.5.0 in waves}. */
    public String getTitle() {
        return title;
    }

    @Override
    public String getIconFileName() {
        return null; // a summary on the build page, no page of its own
    }

    @Override
    public String getDisplayName() {
        return "Multi-cloud waves " + planId;
    }

    @Override
    public String getUrlName() {
        return null;
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        stateDir = r.getRootDir().toPath().resolve(STATE_FOLDER);
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        stateDir = r.getRootDir().toPath().resolve(STATE_FOLDER);
    }

    /** Read afresh each time: the state file is small, and a running plan changes it. */
    public WaveSummary getSummary() {
        if (stateDir == null) {
            return unavailable("not attached to a build");
        }
        try {
            return state().map(WaveSummary::of).orElseGet(() -> unavailable("its state is gone from the build's folder"));
        } catch (IOException e) {
            return unavailable("its state cannot be read: " + e.getMessage());
        }
    }

    /** The plan's saved state; empty when not attached or gone. */
    Optional<WaveRunState> state() throws IOException {
        return stateDir == null ? Optional.empty() : new FileWaveStateStore(stateDir.resolve("plans")).load(planId);
    }

    /** The folder the step keeps the plan's state in ({@code <build>/devsim-waves}); null until attached. */
    Path stateDir() {
        return stateDir;
    }

    private WaveSummary unavailable(String why) {
        return new WaveSummary(planId, "unavailable", why, List.of());
    }
}
