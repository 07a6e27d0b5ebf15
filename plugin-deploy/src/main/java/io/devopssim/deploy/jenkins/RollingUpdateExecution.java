package io.devopssim.deploy.jenkins;

import io.devopssim.core.spec.Strategy;
import org.jenkinsci.plugins.workflow.steps.StepContext;

import java.util.Set;

/** {@code rollingUpdate}: a rollout step for rolling specs (batches from maxSurge/maxUnavailable, health per batch). */
public final class RollingUpdateExecution extends RolloutStepExecution {
    private static final long serialVersionUID = 1L;

    /** @param runtime null for the controller's */
    RollingUpdateExecution(StepContext context, RolloutRequest request, RolloutRuntime runtime) {
        super(context, request, runtime);
    }

    @Override
    String stepName() {
        return "rollingUpdate";
    }

    @Override
    Set<Strategy> strategies() {
        return Set.of(Strategy.ROLLING);
    }
}
