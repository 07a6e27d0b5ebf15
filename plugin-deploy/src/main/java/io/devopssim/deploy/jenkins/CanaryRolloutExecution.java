package io.devopssim.deploy.jenkins;

import io.devopssim.core.spec.Strategy;
import org.jenkinsci.plugins.workflow.steps.StepContext;

import java.util.Set;

/** {@code canaryRollout}: a rollout step for canary specs. */
public final class CanaryRolloutExecution extends RolloutStepExecution {
    private static final long serialVersionUID = 1L;

    /** For tests: run against a given runtime instead of the controller's (null: the controller's). */
    CanaryRolloutExecution(StepContext context, RolloutRequest request, RolloutRuntime runtime) {
        super(context, request, runtime);
    }

    @Override
    String stepName() {
        return "canaryRollout";
    }

    @Override
    Set<Strategy> strategies() {
        return Set.of(Strategy.CANARY);
    }
}
