package io.devopssim.deploy.jenkins;

import io.devopssim.core.judge.AnalysisRunner;
import io.devopssim.core.judge.ThresholdJudge;
import io.devopssim.core.metrics.MetricsProvider;
import io.devopssim.core.spec.AnalysisSpec;
import io.devopssim.core.spec.JudgeKind;
import io.devopssim.deploy.Analyses;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The judges the rollout steps can use: thresholds, and whatever the installed {@link SpecJudgeProvider}s know.
 *
 * @param providers in Jenkins the live {@code ExtensionList}, so a plugin installed later is seen
 */
record SpecJudgeProviders(List<? extends SpecJudgeProvider> providers) {

    static final SpecJudgeProviders THRESHOLD_ONLY = new SpecJudgeProviders(List.of());

    /**
     * The runner for criteria, or an {@link IllegalArgumentException} naming the plugin to install: called for
     * the spec's own section before the rollout starts, so a judge nobody provides fails before any side effect.
     */
    AnalysisRunner runner(AnalysisSpec criteria, MetricsProvider metrics, Path specDir) {
        return find(criteria, metrics, specDir).orElseThrow(() -> new IllegalArgumentException(
                "install devsim-ml-gate for analysis.judge: " + criteria.judge().yamlName()));
    }

    private Optional<AnalysisRunner> find(AnalysisSpec criteria, MetricsProvider metrics, Path specDir) {
        if (criteria.judge() == JudgeKind.THRESHOLD) {
            return Optional.of(new AnalysisRunner(metrics, new ThresholdJudge(criteria)));
        }
        for (SpecJudgeProvider p : providers) {
            Optional<AnalysisRunner> r = p.runner(criteria, metrics, specDir);
            if (r.isPresent()) {
                return r;
            }
        }
        return Optional.empty();
    }

    /**
     * The live traffic's metrics and a blue-green preview's (null when the runtime has no preview bench); each set
     * of criteria judged by the judge it names, built once per target (a model is loaded once, not at every
     * analysis) and kept in {@code resources} to be closed with the rollout. Criteria no one can judge are empty,
     * so the engine refuses the spec before it starts.
     */
    Analyses analyses(MetricsProvider live, MetricsProvider preview, Path specDir, RolloutResources resources) {
        Map<Map.Entry<Analyses.Target, AnalysisSpec>, Optional<AnalysisRunner>> built = new ConcurrentHashMap<>();
        return (target, criteria) -> built.computeIfAbsent(Map.entry(target, criteria), k -> {
            MetricsProvider metrics = target == Analyses.Target.PREVIEW ? preview : live;
            return metrics == null ? Optional.empty() : find(criteria, metrics, specDir).map(resources::track);
        });
    }
}
