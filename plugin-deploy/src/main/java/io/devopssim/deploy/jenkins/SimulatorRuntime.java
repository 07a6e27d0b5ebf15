package io.devopssim.deploy.jenkins;

import io.devopssim.core.gitops.GitCredentials;
import io.devopssim.core.gitops.Promoter;
import io.devopssim.core.judge.AnalysisRunner;
import io.devopssim.core.judge.ThresholdJudge;
import io.devopssim.core.sim.FleetSimulator;
import io.devopssim.core.spec.JudgeKind;
import io.devopssim.core.spec.RolloutSpec;
import io.devopssim.core.state.FileStateStore;
import io.devopssim.core.time.Clock;
import io.devopssim.deploy.RolloutContext;
import io.devopssim.deploy.RolloutListener;
import io.devopssim.deploy.RolloutScheduler;

import hudson.model.Run;
import org.jenkinsci.plugins.workflow.steps.StepContext;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Rollouts on the embedded simulated fleet in real time, promoted through the real environment repository:
 * a dry run of the spec inside Jenkins. Cluster routers arrive with issue #3.
 */
public final class SimulatorRuntime implements RolloutRuntime {
    private final RolloutScheduler scheduler;
    private final Clock clock;
    private final Promoter promoter;

    /** @param promoter shared by every rollout of the controller (it keeps one clone per repository) */
    public SimulatorRuntime(RolloutScheduler scheduler, Clock clock, Promoter promoter) {
        this.scheduler = scheduler;
        this.clock = clock;
        this.promoter = promoter;
    }

    @Override
    public RolloutScheduler scheduler() {
        return scheduler;
    }

    @Override
    public BuildRef build(StepContext context) throws IOException, InterruptedException {
        Run<?, ?> run = context.get(Run.class);
        return new BuildRef(run.getRootDir().toPath(), run.getExternalizableId());
    }

    @Override
    public RolloutContext context(String rolloutId, RolloutSpec spec, GitCredentials credentials, Path stateDir,
                                  RolloutListener listener) {
        if (spec.analysis().judge() != JudgeKind.THRESHOLD) {
            throw new IllegalArgumentException("analysis.judge " + spec.analysis().judge().yamlName()
                    + " is not available in canaryRollout yet; use threshold");
        }
        FleetSimulator fleet = new FleetSimulator(spec.simulation(), clock);
        return new RolloutContext(rolloutId, spec, fleet, new AnalysisRunner(fleet, new ThresholdJudge(spec.analysis())),
                promoter, credentials, new FileStateStore(stateDir), clock, listener,
                RolloutContext.RetryPolicy.DEFAULT);
    }
}
