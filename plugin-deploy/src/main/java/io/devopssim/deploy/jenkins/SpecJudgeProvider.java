package io.devopssim.deploy.jenkins;

import hudson.ExtensionPoint;
import io.devopssim.core.judge.AnalysisRunner;
import io.devopssim.core.metrics.MetricsProvider;
import io.devopssim.core.spec.AnalysisSpec;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Judges beyond thresholds for the rollout steps, contributed by another plugin (devsim-ml-gate), since this
 * plugin cannot depend on the one that has them. Thresholds are built in.
 */
public interface SpecJudgeProvider extends ExtensionPoint {

    /**
     * The runner for {@code criteria} over {@code metrics}, or empty when this provider does not know its
     * {@code judge}. Loads any model now: an unusable one is an {@link IllegalArgumentException}.
     *
     * @param specDir the spec file's directory on the controller (relative model paths), or null when the spec
     *                has none (inline, or a workspace on an agent)
     */
    Optional<AnalysisRunner> runner(AnalysisSpec criteria, MetricsProvider metrics, Path specDir);
}
