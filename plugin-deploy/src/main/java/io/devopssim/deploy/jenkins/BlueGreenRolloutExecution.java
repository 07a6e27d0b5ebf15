package io.devopssim.deploy.jenkins;

import io.devopssim.core.spec.Strategy;
import org.jenkinsci.plugins.workflow.steps.StepContext;

import java.util.Set;

/** {@code blueGreenRollout}: a rollout step for blue-green specs, and hybrid ones (canary steps, then the cut-over). */
public final class BlueGreenRolloutExecution extends RolloutStepExecution {
    private static final long serialVersionUID = 1L;

    /** @param runtime null for the controller's */
    BlueGreenRolloutExecution(StepContext context, RolloutRequest request, RolloutRuntime runtime) {
        super(context, request, runtime);
    }

    @Override
    String stepName() {
        return "blueGreenRollout";
    }

    @Override
    Set<Strategy> strategies() {
        return Set.of(Strategy.BLUE_GREEN, Strategy.HYBRID);
    }
}
