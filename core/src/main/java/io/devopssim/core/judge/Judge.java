package io.devopssim.core.judge;

import io.devopssim.core.model.Judgement;

/**
 * Port: metrics of one analysis window in, a four-state verdict with its numbers out. Implementations
 * must answer INCONCLUSIVE (never PASSED) when data is missing, late or too little.
 */
@FunctionalInterface
public interface Judge {
    Judgement judge(AnalysisInput input);
}
