package io.devopssim.deploy.jenkins;

import io.devopssim.deploy.RolloutContext;

/**
 * One rollout step's ports and what they hold open (models, cluster clients), from {@link RolloutRuntime#open}.
 * The step closes it when the rollout reaches a terminal phase or the step stops; a resumed step opens a new one.
 */
final class RolloutSession implements AutoCloseable {
    private final RolloutContext context;
    private final RolloutResources resources;

    RolloutSession(RolloutContext context, RolloutResources resources) {
        this.context = context;
        this.resources = resources;
    }

    RolloutContext context() {
        return context;
    }

    boolean isClosed() {
        return resources.isClosed();
    }

    @Override
    public void close() {
        resources.close();
    }
}
