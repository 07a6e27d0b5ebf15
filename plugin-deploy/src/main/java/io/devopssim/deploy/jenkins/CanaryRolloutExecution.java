package io.devopssim.deploy.jenkins;

import io.devopssim.core.gitops.GitCredentials;
import io.devopssim.core.spec.RolloutSpec;
import io.devopssim.core.state.RolloutState;
import io.devopssim.deploy.CanaryEngine;
import io.devopssim.deploy.RolloutException;
import io.devopssim.deploy.RolloutListener;
import org.jenkinsci.plugins.workflow.steps.StepContext;

import java.nio.file.Path;

/** {@code canaryRollout}: the rollout step over {@link CanaryEngine}. */
public final class CanaryRolloutExecution extends RolloutStepExecution {
    private static final long serialVersionUID = 1L;

    CanaryRolloutExecution(StepContext context, RolloutRequest request) {
        this(context, request, null);
    }

    /** For tests: run against a given runtime instead of the controller's. */
    CanaryRolloutExecution(StepContext context, RolloutRequest request, RolloutRuntime runtime) {
        super(context, request, runtime);
    }

    @Override
    String stepName() {
        return "canaryRollout";
    }

    @Override
    java.util.List<String> unsupported(RolloutSpec spec) {
        return spec.strategy() == io.devopssim.core.spec.Strategy.CANARY ? java.util.List.of()
                : java.util.List.of("strategy " + spec.strategy().yamlName() + " is not a canary");
    }

    @Override
    RolloutDriver driver(RolloutSpec spec, String rolloutId, GitCredentials credentials, Path stateDir)
            throws Exception {
        CanaryEngine engine;
        try {
            // events are logged from the saved state, which also holds decisions made outside the engine
            engine = new CanaryEngine(runtime().context(rolloutId, spec, credentials, stateDir, RolloutListener.NONE));
        } catch (IllegalArgumentException e) {
            throw new hudson.AbortException(stepName() + ": " + e.getMessage());
        }
        return new RolloutDriver() {
            @Override
            public RolloutState start() throws RolloutException {
                return engine.start();
            }

            @Override
            public RolloutState advance() throws RolloutException {
                return engine.advance();
            }

            @Override
            public RolloutState abort(String reason) throws RolloutException {
                return engine.abort(reason);
            }
        };
    }
}
