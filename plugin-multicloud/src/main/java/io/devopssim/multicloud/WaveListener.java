package io.devopssim.multicloud;

import io.devopssim.core.state.RolloutEvent;

/** Told of every event of a plan, and of every event of its clusters' rollouts, after the state holding it was saved. */
public interface WaveListener {
    WaveListener NONE = new WaveListener() {
        @Override
        public void onWaveEvent(WaveRunState state, WaveEvent event) {
            // nothing
        }

        @Override
        public void onClusterEvent(String wave, String cluster, RolloutEvent event) {
            // nothing
        }
    };

    void onWaveEvent(WaveRunState state, WaveEvent event);

    void onClusterEvent(String wave, String cluster, RolloutEvent event);
}
