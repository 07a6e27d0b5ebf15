package io.devopssim.mlgate;

import io.devopssim.core.judge.AnalysisInput;
import io.devopssim.core.judge.Judge;
import io.devopssim.core.model.Judgement;
import io.devopssim.mlgate.gate.GateModel;

import java.util.Set;

/**
 * The judge a spec names, ready to judge: holds the model it loaded, if any, whose native memory
 * {@link #close()} frees.
 */
public final class SpecJudge implements Judge, AutoCloseable {
    private final Judge judge;
    private final GateModel model;
    private final String description;

    SpecJudge(Judge judge, GateModel model, String description) {
        this.judge = judge;
        this.model = model;
        this.description = description;
    }

    @Override
    public Judgement judge(AnalysisInput input) {
        return judge.judge(input);
    }

    @Override
    public Set<String> requiredMetrics() {
        return judge.requiredMetrics();
    }

    /** What judges, e.g. {@code combined: threshold, mannWhitney, xgboost (model models/gate v0003, threshold 0.5)}. */
    public String description() {
        return description;
    }

    @Override
    public void close() {
        if (model != null) {
            model.close();
        }
    }
}
