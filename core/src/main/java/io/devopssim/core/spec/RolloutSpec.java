package io.devopssim.core.spec;

import java.util.List;
import java.util.Objects;

/**
 * A rollout as a user writes it (YAML, or Pipeline step arguments). Read and validated by
 * {@link RolloutSpecReader}; once constructed it is complete and valid.
 *
 * @param app        application name
 * @param image      the release to roll out
 * @param strategy   canary (more with issue #3)
 * @param steps      ordered steps
 * @param analysis   how analysis steps judge
 * @param gitops     the environment repository value promotion changes
 * @param simulation the simulated fleet used when running on the simulator
 * @param runtime    what it runs against: traffic router, cluster, Argo CD ({@link RuntimeSpec#SIMULATOR} by default)
 */
public record RolloutSpec(String app, ImageRef image, Strategy strategy, List<StepSpec> steps,
                          AnalysisSpec analysis, GitOpsSpec gitops, SimulationSpec simulation, RuntimeSpec runtime) {
    public RolloutSpec {
        steps = List.copyOf(steps);
        Objects.requireNonNull(runtime, "runtime");
    }

    /** A rollout on the simulated fleet. */
    public RolloutSpec(String app, ImageRef image, Strategy strategy, List<StepSpec> steps,
                       AnalysisSpec analysis, GitOpsSpec gitops, SimulationSpec simulation) {
        this(app, image, strategy, steps, analysis, gitops, simulation, RuntimeSpec.SIMULATOR);
    }
}
