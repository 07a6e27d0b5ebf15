package io.devopssim.mlgate.training;

import io.devopssim.core.history.Decider;
import io.devopssim.core.history.HistoryEntry;
import io.devopssim.core.model.Verdict;
import io.devopssim.core.state.RolloutPhase;
import io.devopssim.mlgate.gate.FeatureExtractor;
import io.devopssim.mlgate.gate.Features;
import io.devopssim.mlgate.gate.TrainingExample;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns release history into labelled examples: the features of each rollout's deciding window, labelled by
 * how it ended. Only evidence about the release labels it:
 * <ul>
 *   <li>healthy: PROMOTED after its analyses passed;</li>
 *   <li>bad: ROLLED_BACK on a FAILED verdict, or after the promotion because the deployment controller
 *       reported it failed or degraded;</li>
 *   <li>skipped: ABORTED (a person's reason is not a label), FAILED (no decision was reached), a rollback on
 *       an INCONCLUSIVE or ERROR verdict (missing data says nothing about the release), a rollback by a chaos
 *       experiment (its evidence is not in the analysis window), and entries without a complete window.</li>
 * </ul>
 * Features are computed now, by this gate's {@link FeatureExtractor}, from the stored series: history written
 * under an older feature schema trains a model of the current one. When a rollout appears more than once (a
 * resumed run appending again), its last entry counts.
 */
public final class HistoryExamples {
    static final String ABORTED = "aborted by a person (no label)";
    static final String FAILED = "failed before deciding (no label)";
    static final String NO_EVIDENCE = "rolled back on an inconclusive or erroneous analysis (no evidence about the release)";
    static final String CHAOS = "rolled back by a chaos experiment (its evidence is outside the analysis window)";
    static final String NO_WINDOW = "no analysis window";
    static final String INCOMPLETE = "window lacks data the features need";
    static final String SUPERSEDED = "superseded by a later entry of the same rollout";

    private HistoryExamples() {
    }

    /**
     * @param examples the labelled examples, in history order
     * @param skipped  why the other entries were not used, with how many each
     */
    public record Labelled(List<TrainingExample> examples, Map<String, Integer> skipped) {
        public Labelled {
            examples = List.copyOf(examples);
            skipped = java.util.Collections.unmodifiableMap(new TreeMap<>(skipped));
        }

        public long bad() {
            return examples.stream().filter(TrainingExample::bad).count();
        }

        public long healthy() {
            return examples.size() - bad();
        }
    }

    public static Labelled label(List<HistoryEntry> entries, FeatureExtractor extractor) {
        Map<String, HistoryEntry> latest = new LinkedHashMap<>();
        Map<String, Integer> skipped = new LinkedHashMap<>();
        for (HistoryEntry e : entries) {
            if (latest.remove(e.rolloutId()) != null) {
                skipped.merge(SUPERSEDED, 1, Integer::sum);
            }
            latest.put(e.rolloutId(), e);
        }
        List<TrainingExample> examples = new ArrayList<>();
        for (HistoryEntry e : latest.values()) {
            String why = unusable(e);
            if (why == null) {
                Features f = extractor.extract(e.window().toInput());
                if (f.complete()) {
                    examples.add(new TrainingExample(f.values(), bad(e), "rollout:" + e.rolloutId()));
                    continue;
                }
                why = INCOMPLETE;
            }
            skipped.merge(why, 1, Integer::sum);
        }
        return new Labelled(examples, skipped);
    }

    /** Why an entry carries no label, or null when it does. */
    private static String unusable(HistoryEntry e) {
        if (e.outcome() == RolloutPhase.ABORTED) {
            return ABORTED;
        }
        if (e.outcome() == RolloutPhase.FAILED) {
            return FAILED;
        }
        if (e.outcome() == RolloutPhase.ROLLED_BACK) {
            Decider.Kind by = e.decidedBy().kind();
            if (by == Decider.Kind.CHAOS) {
                return CHAOS;
            }
            boolean failedVerdict = by == Decider.Kind.JUDGE && e.judgement() != null && e.judgement().verdict() == Verdict.FAILED;
            if (!failedVerdict && by != Decider.Kind.DEPLOYMENT) {
                return NO_EVIDENCE;
            }
        }
        return e.window() == null ? NO_WINDOW : null;
    }

    private static boolean bad(HistoryEntry e) {
        return e.outcome() == RolloutPhase.ROLLED_BACK;
    }
}
