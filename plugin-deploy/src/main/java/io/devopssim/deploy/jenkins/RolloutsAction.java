package io.devopssim.deploy.jenkins;

import hudson.model.Run;
import io.devopssim.core.state.FileStateStore;
import io.devopssim.core.state.RolloutState;
import io.devopssim.deploy.view.RolloutSubject;
import io.devopssim.deploy.view.RolloutView;
import io.devopssim.deploy.view.RunRolloutsView;
import io.devopssim.views.chart.Chart;
import io.devopssim.views.rollout.RolloutCharts;
import jenkins.model.RunAction2;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rollouts of a build, on the build page ({@code summary.jelly}) and on their own page
 * ({@code index.jelly}): timeline, verdicts with scores, commits. It keeps only which rollouts ran (saved
 * with the build) and reads their state from the build's state directories when a page is shown, so the
 * page is as fresh as the last saved transition. The page is rendered from {@link RunRolloutsView}.
 */
public final class RolloutsAction implements RunAction2 {
    public static final String URL_NAME = "devsim-rollouts";

    /** Saved in build.xml by XStream, so a plain class, not a record (XStream cannot build records). */
    private final List<Entry> entries = new ArrayList<>();
    private transient volatile Path rootDir;
    private transient volatile String runUrl;
    private transient volatile Run<?, ?> run;

    @Override
    public String getIconFileName() {
        return "symbol-analytics";
    }

    @Override
    public String getDisplayName() {
        return "Rollouts";
    }

    @Override
    public String getUrlName() {
        return URL_NAME;
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        run = r;
        bind(r.getRootDir().toPath(), r.getUrl());
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        run = r;
        bind(r.getRootDir().toPath(), r.getUrl());
    }

    /** The build, for the page's side panel; null until attached. */
    public Run<?, ?> getRun() {
        return run;
    }

    /** Where the build's state directories are, and its page. */
    void bind(Path buildRootDir, String buildUrl) {
        this.rootDir = buildRootDir;
        this.runUrl = buildUrl;
    }

    /** The build page, relative to Jenkins' root URL, for links from the views. */
    public String getRunUrl() {
        return runUrl;
    }

    /** Records a rollout of this build; a resumed step adding it again changes nothing. */
    synchronized void add(String stateDirName, RolloutSubject subject) {
        if (find(subject.rolloutId(), stateDirName).isEmpty()) {
            entries.add(new Entry(stateDirName, subject));
        }
    }

    /** The rollout {@code rolloutId} whose state is in {@code stateDirName} (a rollback may share its id). */
    synchronized Optional<Entry> entry(String stateDirName, String rolloutId) {
        return find(rolloutId, stateDirName);
    }

    private Optional<Entry> find(String rolloutId, String stateDirName) {
        return entries.stream().filter(e -> e.rolloutId.equals(rolloutId) && e.stateDir.equals(stateDirName)).findFirst();
    }

    /** Where the state of a rollout of this build is saved. */
    Path stateDir(Entry entry) {
        return rootDir.resolve(entry.stateDir);
    }

    /** What the pages render, read from the saved states now. */
    public RunRolloutsView getView() {
        List<Entry> copy;
        synchronized (this) {
            copy = List.copyOf(entries);
        }
        List<RolloutView> views = new ArrayList<>();
        for (Entry e : copy) {
            views.add(RolloutView.of(e.subject(), load(e)));
        }
        return new RunRolloutsView(views);
    }

    /**
     * The charts of the {@code index}-th rollout (the order of {@link #getView()}), for the devsim chart tag:
     * its timeline (traffic, verdicts at their score, commits, analysis/chaos/pause bands), the gate's view of
     * each metric when it judged, and its chaos probes. None before the rollout saved its first event.
     */
    public List<Chart> charts(int index) {
        Entry e;
        synchronized (this) {
            if (index < 0 || index >= entries.size()) {
                return List.of();
            }
            e = entries.get(index);
        }
        RolloutState state = load(e);
        if (state == null || state.events().isEmpty()) {
            return List.of();
        }
        // the page has the saved events only: the raw series the gate saw stay with the engine
        RolloutCharts charts = new RolloutCharts(state.events(), List.of());
        List<Chart> all = new ArrayList<>();
        all.add(charts.timeline());
        charts.gate().ifPresent(all::add);
        all.addAll(charts.chaos());
        return all;
    }

    RolloutState load(Entry e) {
        if (rootDir == null) {
            return null;
        }
        try {
            return new FileStateStore(stateDir(e)).load(e.rolloutId).orElse(null);
        } catch (IOException ex) {
            return null; // shown as not started; the step's log has the error
        }
    }

    /** One rollout of the build. */
    static final class Entry {
        private final String stateDir;
        private final String step;
        private final String rolloutId;
        private final String title;
        private final String repoUrl;

        Entry(String stateDir, RolloutSubject s) {
            this.stateDir = stateDir;
            this.step = s.step();
            this.rolloutId = s.rolloutId();
            this.title = s.title();
            this.repoUrl = s.repoUrl();
        }

        RolloutSubject subject() {
            return new RolloutSubject(step, rolloutId, title, repoUrl);
        }

        String rolloutId() {
            return rolloutId;
        }
    }
}
