package io.devopssim.deploy.jenkins;

import hudson.model.Run;
import io.devopssim.core.spec.Durations;
import jenkins.model.RunAction2;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The build page's record of its {@code waitForArgoCd} steps ({@code summary.jelly}): application, revision, result,
 * duration, one row per finished wait. Saved in build.xml with the build, so plain classes (XStream builds no
 * records); a row is added once, when the wait ends.
 */
public final class ArgoCdWaitsAction implements RunAction2 {
    private final List<Wait> waits = new ArrayList<>();

    @Override
    public String getIconFileName() {
        return null; // a summary on the build page, no page of its own
    }

    @Override
    public String getDisplayName() {
        return "Argo CD waits";
    }

    @Override
    public String getUrlName() {
        return null;
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        // nothing to bind: the rows are all it shows
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        // nothing to bind
    }

    synchronized void add(Wait wait) {
        waits.add(Objects.requireNonNull(wait, "wait"));
    }

    /** Oldest first. */
    public synchronized List<Wait> getWaits() {
        return List.copyOf(waits);
    }

    /** How a wait ended. */
    public enum Result {
        SYNCED_HEALTHY("Synced and Healthy", "ok"),
        FAILED("failed", "bad"),
        UNREACHABLE("Argo CD unreachable", "bad"),
        STOPPED("stopped", "neutral");

        private final String label;
        private final String tone;

        Result(String label, String tone) {
            this.label = label;
            this.tone = tone;
        }

        public String label() {
            return label;
        }

        /** For the view's CSS class. */
        public String tone() {
            return tone;
        }
    }

    /** One finished wait. */
    public static final class Wait {
        private final String application;
        private final String revision;
        private final Result result;
        private final String message;
        private final long startedAtMillis;
        private final long durationMillis;

        Wait(String application, String revision, Result result, String message, Instant startedAt, Instant endedAt) {
            this.application = Objects.requireNonNull(application, "application");
            this.revision = Objects.requireNonNull(revision, "revision");
            this.result = Objects.requireNonNull(result, "result");
            this.message = message;
            this.startedAtMillis = startedAt.toEpochMilli();
            this.durationMillis = Math.max(0, Duration.between(startedAt, endedAt).toMillis());
        }

        public String getApplication() {
            return application;
        }

        public String getRevision() {
            return revision;
        }

        /** The first 12 characters, as Argo CD shows a revision. */
        public String getShortRevision() {
            return revision.length() > 12 ? revision.substring(0, 12) : revision;
        }

        public Result getResult() {
            return result;
        }

        /** Argo CD's last word, or why the wait ended. */
        public String getMessage() {
            return message;
        }

        public Instant getStartedAt() {
            return Instant.ofEpochMilli(startedAtMillis);
        }

        public Duration getDuration() {
            return Duration.ofMillis(durationMillis);
        }

        /** {@code 2m}, {@code 45s}, as durations are written in specs. */
        public String getDurationText() {
            return Durations.format(getDuration().withNanos(0));
        }
    }
}
