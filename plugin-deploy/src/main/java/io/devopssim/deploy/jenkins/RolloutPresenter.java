package io.devopssim.deploy.jenkins;

import io.devopssim.core.state.RolloutEvent;
import io.devopssim.core.state.RolloutState;
import io.devopssim.deploy.view.RolloutSubject;
import io.devopssim.deploy.view.RolloutView;

import java.io.Serializable;
import java.util.List;
import java.util.function.Consumer;

/**
 * Shows one rollout (or promotion, or rollback) of a build: its entry on the build's rollouts page, its
 * badge, and each event of its saved timeline once in the build log, including events saved from outside
 * the step (an approval). Serialized with the step: it remembers how many events were logged.
 */
final class RolloutPresenter implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String stateDirName;
    private final String step;
    private final String rolloutId;
    private final String title;
    private final String repoUrl;
    private int loggedEvents;
    private transient RolloutBadgeAction badge;

    RolloutPresenter(String stateDirName, RolloutSubject subject) {
        this.stateDirName = stateDirName;
        this.step = subject.step();
        this.rolloutId = subject.rolloutId();
        this.title = subject.title();
        this.repoUrl = subject.repoUrl();
    }

    RolloutSubject subject() {
        return new RolloutSubject(step, rolloutId, title, repoUrl);
    }

    /** Puts the rollout on the build's pages (a resumed step doing it again changes nothing). */
    void show(BuildRef build) {
        build.action(RolloutsAction.class, RolloutsAction::new).add(stateDirName, subject());
        badge(build);
    }

    /**
     * Logs the events not logged yet and updates the badge.
     *
     * @return the events logged now
     */
    List<RolloutEvent> observe(RolloutState s, BuildRef build, Consumer<String> log) {
        List<RolloutEvent> events = s.events();
        List<RolloutEvent> fresh = events.subList(Math.min(loggedEvents, events.size()), events.size());
        fresh.forEach(e -> log.accept(e.message()));
        loggedEvents = Math.max(loggedEvents, events.size());
        badge(build).update(RolloutView.of(subject(), s).badge());
        return List.copyOf(fresh);
    }

    private RolloutBadgeAction badge(BuildRef build) {
        if (badge == null) {
            // after a restart the build's actions are read back from disk: find this rollout's badge there
            badge = build.actions(RolloutBadgeAction.class).stream().filter(b -> b.getRolloutId().equals(rolloutId) && b.getStep().equals(step))
                    .findFirst().orElse(null);
            if (badge == null) {
                badge = new RolloutBadgeAction(step, rolloutId, RolloutView.of(subject(), null).badge());
                build.addAction(badge);
            }
        }
        return badge;
    }
}
