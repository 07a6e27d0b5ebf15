package io.devopssim.core.judge;

import io.devopssim.core.model.Judgement;

import java.util.Set;

/**
 * Port: metrics of one analysis window in, a four-state verdict with its numbers out. Implementations
 * must answer INCONCLUSIVE (never PASSED) when data is missing, late or too little.
 */
@FunctionalInterface
public interface Judge {
    Judgement judge(AnalysisInput input);

    /**
     * Metrics this judge reads whatever the spec's criteria name (a model reads its own features), so that
     * {@link AnalysisRunner} fetches them too. None by default: the criteria are all a judge reads.
     */
    default Set<String> requiredMetrics() {
        return Set.of();
    }
}
