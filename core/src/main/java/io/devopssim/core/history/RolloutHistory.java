package io.devopssim.core.history;

import io.devopssim.core.chaos.ChaosResult;
import io.devopssim.core.judge.AnalysisInput;
import io.devopssim.core.judge.AnalysisRunner;
import io.devopssim.core.metrics.StandardMetrics;
import io.devopssim.core.model.Judgement;
import io.devopssim.core.spec.RolloutSpec;
import io.devopssim.core.spec.StepSpec;
import io.devopssim.core.state.RolloutEvent;
import io.devopssim.core.state.RolloutEvent.Kind;
import io.devopssim.core.state.RolloutState;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What a rollout engine calls when a rollout ends: builds the {@link HistoryEntry} from the final state and
 * appends it. The decided window is fetched again, for every standard metric, through the rollout's own
 * analysis runner: the state keeps judgements, not series, and a model reads more metrics than a spec's
 * criteria name. Re-fetching gives what the judge saw (the simulator is a pure function of time and
 * state; Prometheus keeps the window for its retention).
 *
 * <p>Never throws: the rollout's decision is already made and saved, so a history that cannot be written is
 * a warning, not a failure. A crash between the final save and the append loses the example, never makes a
 * wrong one.
 */
public final class RolloutHistory {
    /** Records nothing. */
    public static final RolloutHistory NONE = new RolloutHistory(ReleaseHistory.NONE, warning -> { });

    private static final String ABORT_PREFIX = "abort requested: ";

    private final ReleaseHistory store;
    private final Consumer<String> warnings;

    /** @param warnings told, in one sentence, when an entry cannot be built or written */
    public RolloutHistory(ReleaseHistory store, Consumer<String> warnings) {
        this.store = Objects.requireNonNull(store, "store");
        this.warnings = Objects.requireNonNull(warnings, "warnings");
    }

    /** Appends the entry of a rollout that reached a terminal phase. */
    public void finished(RolloutState state, RolloutSpec spec, AnalysisRunner analysis) {
        if (store == ReleaseHistory.NONE || !state.phase().isTerminal()) {
            return;
        }
        try {
            store.append(entry(state, spec, analysis));
        } catch (IOException | RuntimeException e) {
            warnings.accept("rollout " + state.rolloutId() + " is not in the release history: " + e.getMessage());
        }
    }

    static HistoryEntry entry(RolloutState state, RolloutSpec spec, AnalysisRunner analysis) {
        Optional<RolloutEvent> lastAnalysis = last(state, e -> e.kind() == Kind.ANALYSIS && e.judgement() != null);
        Judgement judgement = lastAnalysis.map(RolloutEvent::judgement).orElse(null);
        AnalysisWindow window = lastAnalysis.flatMap(e -> window(state, spec, analysis, e)).orElse(null);
        List<RolloutEvent> events = state.events();
        Instant finished = events.isEmpty() ? Instant.EPOCH : events.get(events.size() - 1).time();
        return new HistoryEntry(HistoryEntry.FORMAT, state.rolloutId(), spec.app(), spec.image().toString(), state.phase(),
                decider(state, spec), state.outcome(), judgement, finished, window);
    }

    /**
     * Who decided: for a promotion the judge (or the steps, without analysis); for a rollback or an abort the
     * latest deciding event, read backwards from the end: an abort request, the promotion commit (so the
     * deployment controller failed it afterwards), a verdict that did not pass, a broken chaos hypothesis,
     * or a failure.
     */
    static Decider decider(RolloutState state, RolloutSpec spec) {
        String judge = spec.analysis().judge().yamlName();
        switch (state.phase()) {
            case PROMOTED:
                return last(state, e -> e.kind() == Kind.ANALYSIS).isPresent()
                        ? new Decider(Decider.Kind.JUDGE, judge)
                        : new Decider(Decider.Kind.STEPS, "no analysis step");
            case FAILED:
                return new Decider(Decider.Kind.ERROR, String.valueOf(state.outcome()));
            default:
                break;
        }
        List<RolloutEvent> events = state.events();
        for (int i = events.size() - 1; i >= 0; i--) {
            RolloutEvent e = events.get(i);
            switch (e.kind()) {
                case ABORT_REQUESTED:
                    return new Decider(Decider.Kind.USER, e.message().startsWith(ABORT_PREFIX)
                            ? e.message().substring(ABORT_PREFIX.length()) : e.message());
                case COMMITTED:
                    return new Decider(Decider.Kind.DEPLOYMENT, String.valueOf(state.outcome()));
                case ANALYSIS:
                    if (e.judgement() != null && !e.judgement().verdict().promotes()) {
                        return new Decider(Decider.Kind.JUDGE, judge);
                    }
                    break;
                case CHAOS:
                    ChaosResult r = e.chaos();
                    if (r != null && !r.hypothesisHeld()) {
                        return new Decider(Decider.Kind.CHAOS, chaosName(spec, e.stepIndex(), r));
                    }
                    break;
                case FAILED:
                    return new Decider(Decider.Kind.ERROR, e.message());
                default:
                    break;
            }
        }
        return new Decider(Decider.Kind.ERROR, String.valueOf(state.outcome()));
    }

    private static String chaosName(RolloutSpec spec, int stepIndex, ChaosResult r) {
        if (stepIndex >= 0 && stepIndex < spec.steps().size() && spec.steps().get(stepIndex) instanceof StepSpec.Chaos c) {
            return c.name();
        }
        return r.experimentId();
    }

    /** The analysed window: from when its step started watching, for the step's window. */
    private static Optional<AnalysisWindow> window(RolloutState state, RolloutSpec spec, AnalysisRunner analysis,
                                                   RolloutEvent judged) {
        int step = judged.stepIndex();
        if (step < 0 || step >= spec.steps().size() || !(spec.steps().get(step) instanceof StepSpec.Analysis a)) {
            return Optional.empty();
        }
        List<RolloutEvent> events = state.events();
        Instant start = null;
        for (RolloutEvent e : events) {
            if (e == judged) {
                break;
            }
            if (e.kind() == Kind.ANALYSIS_STARTED && e.stepIndex() == step) {
                start = e.time();
            }
        }
        if (start == null) {
            return Optional.empty();
        }
        AnalysisInput input = analysis.fetch(StandardMetrics.ALL, spec.analysis().interval(), start, start.plus(a.window()))
                .withChaos(chaosBefore(events, judged));
        return Optional.of(AnalysisWindow.of(input, step, judged.weight(), spec.analysis().interval()));
    }

    /**
     * The result of the latest chaos step before {@code event} (of all {@code events} when it is null), or null:
     * what an analysis after a chaos step is given as evidence (plugin-deploy's analysis step reads it so).
     */
    public static ChaosResult chaosBefore(List<RolloutEvent> events, RolloutEvent event) {
        ChaosResult latest = null;
        for (RolloutEvent e : events) {
            if (e == event) {
                break;
            }
            if (e.kind() == Kind.CHAOS && e.chaos() != null) {
                latest = e.chaos();
            }
        }
        return latest;
    }

    private static Optional<RolloutEvent> last(RolloutState state, java.util.function.Predicate<RolloutEvent> which) {
        List<RolloutEvent> events = state.events();
        for (int i = events.size() - 1; i >= 0; i--) {
            if (which.test(events.get(i))) {
                return Optional.of(events.get(i));
            }
        }
        return Optional.empty();
    }
}
