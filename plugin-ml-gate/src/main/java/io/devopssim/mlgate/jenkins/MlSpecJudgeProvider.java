package io.devopssim.mlgate.jenkins;

import hudson.Extension;
import io.devopssim.core.judge.AnalysisRunner;
import io.devopssim.core.metrics.MetricsProvider;
import io.devopssim.core.spec.AnalysisSpec;
import io.devopssim.core.spec.JudgeKind;
import io.devopssim.deploy.jenkins.SpecJudgeProvider;
import io.devopssim.mlgate.SpecJudges;
import io.devopssim.mlgate.gate.ModelException;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The rollout steps' {@code mannWhitney}, {@code xgboost} and {@code combined} judges, built by {@link SpecJudges}.
 * A relative model path is relative to the spec file's directory, which must be on the controller.
 */
@Extension
public final class MlSpecJudgeProvider implements SpecJudgeProvider {

    @Override
    public Optional<AnalysisRunner> runner(AnalysisSpec criteria, MetricsProvider metrics, Path specDir) {
        if (criteria.judge() == JudgeKind.THRESHOLD) {
            return Optional.empty(); // built into the deploy steps
        }
        Path base = Path.of("");
        if (criteria.usesModel() && !Path.of(criteria.model()).isAbsolute()) {
            if (specDir == null) {
                throw new IllegalArgumentException("analysis.model " + criteria.model() + " is relative, but the spec"
                        + " has no directory on the controller: give specFile in a workspace of the built-in node,"
                        + " or an absolute model path");
            }
            base = specDir;
        }
        try {
            // the model loads now, so an unusable one fails the step before the rollout starts
            return Optional.of(new AnalysisRunner(metrics, SpecJudges.forSpec(criteria, base)));
        } catch (ModelException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
