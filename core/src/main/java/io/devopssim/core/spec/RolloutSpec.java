package io.devopssim.core.spec;

import java.util.List;
import java.util.Objects;

/**
 * A rollout as a user writes it (YAML, or Pipeline step arguments). Read and validated by
 * {@link RolloutSpecReader}; once constructed it is complete and valid.
 *
 * @param app        application name
 * @param image      the release to roll out
 * @param strategy   canary, blue-green, hybrid or rolling
 * @param steps      ordered canary steps (canary and hybrid; empty otherwise)
 * @param analysis   how analysis steps judge, and what an analysis without criteria of its own refers to
 * @param gitops     the environment repository value promotion changes
 * @param simulation the simulated fleet used when running on the simulator
 * @param blueGreen  the cut-over of blue-green and hybrid rollouts; null for the others
 * @param rolling    the batches of a rolling update; null for the others
 * @param runtime    what it runs against: traffic router, cluster, Argo CD ({@link RuntimeSpec#SIMULATOR} by default)
 */
public record RolloutSpec(String app, ImageRef image, Strategy strategy, List<StepSpec> steps,
                          AnalysisSpec analysis, GitOpsSpec gitops, SimulationSpec simulation,
                          BlueGreenSpec blueGreen, RollingSpec rolling, RuntimeSpec runtime) {
    public RolloutSpec {
        steps = List.copyOf(steps);
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(runtime, "runtime");
        if (strategy.cutsOver() != (blueGreen != null) || (strategy == Strategy.ROLLING) != (rolling != null)) {
            throw new IllegalArgumentException("strategy " + strategy.yamlName() + " with blueGreen " + blueGreen
                    + " and rolling " + rolling);
        }
    }

    /** A rollout on the simulated fleet. */
    public RolloutSpec(String app, ImageRef image, Strategy strategy, List<StepSpec> steps,
                       AnalysisSpec analysis, GitOpsSpec gitops, SimulationSpec simulation,
                       BlueGreenSpec blueGreen, RollingSpec rolling) {
        this(app, image, strategy, steps, analysis, gitops, simulation, blueGreen, rolling, RuntimeSpec.SIMULATOR);
    }

    /** A canary (or a strategy needing no section of its own) on the simulated fleet. */
    public RolloutSpec(String app, ImageRef image, Strategy strategy, List<StepSpec> steps,
                       AnalysisSpec analysis, GitOpsSpec gitops, SimulationSpec simulation) {
        this(app, image, strategy, steps, analysis, gitops, simulation, null, null, RuntimeSpec.SIMULATOR);
    }
}
