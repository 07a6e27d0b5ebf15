package io.devopssim.multicloud;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The traffic weights of the running wave's clusters, recorded (and saved) before its first failover commit, so a
 * rollback can restore them and a resumed failover shifts from the same numbers.
 *
 * @param wave           the wave they belong to
 * @param before         the weights before the wave touched them
 * @param current        the weights after the wave's failovers so far
 * @param restoreCommit  the commit that restored them in a rollback, or null
 */
public record WaveWeights(int wave, Map<String, Integer> before, Map<String, Integer> current, String restoreCommit) {
    public WaveWeights {
        before = Collections.unmodifiableMap(new LinkedHashMap<>(before));
        current = Collections.unmodifiableMap(new LinkedHashMap<>(current));
    }

    public boolean changed() {
        return !before.equals(current);
    }

    public WaveWeights shifted(Map<String, Integer> after) {
        Map<String, Integer> next = new LinkedHashMap<>(current);
        next.putAll(after);
        return new WaveWeights(wave, before, next, restoreCommit);
    }

    public WaveWeights restored(String commit) {
        return new WaveWeights(wave, before, current, commit);
    }
}
