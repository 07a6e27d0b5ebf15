package io.devopssim.multicloud.jenkins;

import io.devopssim.deploy.RolloutException;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The plans of this controller that wait for approval, each with the running step that decides it (as
 * plugin-deploy's {@code RolloutWakeups} for one rollout). Only the live step can decide: approving a wave approves
 * its clusters' rollouts through the step's engine. A step registers when its plan pauses, again after a restart
 * (its first transition finds the saved state paused), and unregisters once decided or finished.
 */
public final class WavePauses {

    /** What the build page can do to a paused plan; each returns the line recorded in the plan's timeline. */
    public interface PausedPlan {
        String approve(String who) throws RolloutException;

        String abort(String reason) throws RolloutException;
    }

    private final Map<String, PausedPlan> waiting = new ConcurrentHashMap<>();

    /** A plan id is unique within its build's state folder, not across builds. */
    private static String key(Path stateDir, String planId) {
        return stateDir.toAbsolutePath().normalize() + "\n" + planId;
    }

    void register(Path stateDir, String planId, PausedPlan plan) {
        waiting.put(key(stateDir, planId), plan);
    }

    void unregister(Path stateDir, String planId) {
        waiting.remove(key(stateDir, planId));
    }

    Optional<PausedPlan> find(Path stateDir, String planId) {
        return Optional.ofNullable(waiting.get(key(stateDir, planId)));
    }
}
