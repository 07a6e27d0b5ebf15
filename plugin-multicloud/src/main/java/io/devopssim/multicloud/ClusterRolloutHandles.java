package io.devopssim.multicloud;

import io.devopssim.core.state.RolloutEvent;
import io.devopssim.core.state.RolloutState;
import io.devopssim.deploy.RolloutEngine;
import io.devopssim.deploy.RolloutException;

import java.util.HashMap;
import java.util.Map;

/** The rollout engines of a plan's clusters, opened (or resumed) once per wave engine instance. */
final class ClusterRolloutHandles {
    private final WaveContext ctx;
    private final Map<String, RolloutEngine> rollouts = new HashMap<>();

    ClusterRolloutHandles(WaveContext ctx) {
        this.ctx = ctx;
    }

    /** Starts a cluster's rollout for the first time. */
    RolloutState start(ClusterRun c) throws RolloutException {
        RolloutEngine rollout = open(c);
        RolloutState started = rollout.start();
        rollouts.put(c.cluster(), rollout);
        return started;
    }

    /** The engine of a started rollout; after a restart it is opened again and resumed. */
    RolloutEngine of(ClusterRun c) throws RolloutException {
        RolloutEngine rollout = rollouts.get(c.cluster());
        if (rollout == null) {
            rollout = open(c);
            rollout.start(); // a resume: loads its state and puts its traffic router back where it was
            rollouts.put(c.cluster(), rollout);
        }
        return rollout;
    }

    Cluster cluster(ClusterRun c) throws RolloutException {
        return ctx.registry().find(c.cluster()).orElseThrow(() ->
                new RolloutException("cluster " + c.cluster() + " is no longer in the cluster registry"));
    }

    private RolloutEngine open(ClusterRun c) throws RolloutException {
        Wave wave = ctx.plan().waves().get(c.wave());
        Cluster cluster = cluster(c);
        return ctx.rollouts().open(cluster, c.rolloutId(), ctx.plan().rolloutFor(wave, cluster, c.replicas()),
                (state, e) -> ctx.listener().onClusterEvent(wave.name(), c.cluster(), e));
    }

    static String promotionCommit(RolloutState st) {
        for (int i = st.events().size() - 1; i >= 0; i--) {
            RolloutEvent e = st.events().get(i);
            if (e.kind() == RolloutEvent.Kind.PROMOTED) {
                return e.commitId();
            }
        }
        return null;
    }

    static String lastMessage(RolloutState st) {
        return st.events().isEmpty() ? st.phase().name() : st.events().get(st.events().size() - 1).message();
    }
}
