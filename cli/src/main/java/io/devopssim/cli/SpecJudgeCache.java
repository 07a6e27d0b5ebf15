package io.devopssim.cli;

import io.devopssim.core.judge.Judge;
import io.devopssim.core.spec.AnalysisSpec;
import io.devopssim.mlgate.SpecJudge;
import io.devopssim.mlgate.SpecJudges;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The judges of one rollout's analyses, one per set of criteria, built once: a judge with a model loads it
 * (and refuses an unusable one) when first asked, not at every analysis, and {@link #close()} frees every
 * model after the rollout.
 */
final class SpecJudgeCache implements Function<AnalysisSpec, Judge>, AutoCloseable {
    private final Path specDir;
    private final Map<AnalysisSpec, SpecJudge> judges = new LinkedHashMap<>();

    /** @param specDir what a relative {@code model} path is relative to */
    SpecJudgeCache(Path specDir) {
        this.specDir = specDir;
    }

    @Override
    public synchronized SpecJudge apply(AnalysisSpec criteria) {
        SpecJudge judge = judges.get(criteria);
        if (judge == null) {
            judge = SpecJudges.forSpec(criteria, specDir);
            judges.put(criteria, judge);
        }
        return judge;
    }

    @Override
    public synchronized void close() {
        judges.values().forEach(SpecJudge::close);
        judges.clear();
    }
}
