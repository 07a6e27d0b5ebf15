package io.devopssim.deploy.jenkins;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rollouts of this controller that wait for approval, each with what resumes it now. An approval is
 * saved in the rollout's state first; a wake-up only saves the wait until the rollout's next look, so one
 * lost (a restart between the two) delays the rollout by that look's interval, never more.
 */
public final class RolloutWakeups {
    private final Map<String, Runnable> waiting = new ConcurrentHashMap<>();

    /** A rollout id is unique within its build's state directory, not across builds. */
    private static String key(Path stateDir, String rolloutId) {
        return stateDir.toAbsolutePath().normalize() + "\n" + rolloutId;
    }

    public void register(Path stateDir, String rolloutId, Runnable wake) {
        waiting.put(key(stateDir, rolloutId), wake);
    }

    public void unregister(Path stateDir, String rolloutId) {
        waiting.remove(key(stateDir, rolloutId));
    }

    /** @return whether a waiting rollout was woken */
    public boolean wake(Path stateDir, String rolloutId) {
        Runnable r = waiting.remove(key(stateDir, rolloutId));
        if (r == null) {
            return false;
        }
        r.run();
        return true;
    }
}
