package io.devopssim.deploy.jenkins;

import io.devopssim.core.judge.AnalysisRunner;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What one rollout step opened and must close when the rollout ends or the step stops: the judges' models
 * (native memory, for xgboost) and the cluster connections. Closed newest first; a failing close does not
 * keep the others open.
 */
final class RolloutResources implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(RolloutResources.class.getName());

    private final List<AutoCloseable> open = new ArrayList<>();
    private boolean closed;

    /** Keeps {@code resource} to close with the rest; closes it at once if they are closed already. */
    synchronized <T extends AutoCloseable> T add(T resource) {
        if (closed) {
            closeQuietly(resource);
        } else {
            open.add(resource);
        }
        return resource;
    }

    /** The runner's judge, when it holds something to free (a {@code SpecJudge} with its model). */
    AnalysisRunner track(AnalysisRunner runner) {
        if (runner.judge() instanceof AutoCloseable c) {
            add(c);
        }
        return runner;
    }

    synchronized boolean isClosed() {
        return closed;
    }

    @Override
    public synchronized void close() {
        closed = true;
        for (int i = open.size() - 1; i >= 0; i--) {
            closeQuietly(open.get(i));
        }
        open.clear();
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "could not close " + c.getClass().getName(), e);
        }
    }
}
