package io.devopssim.mlgate.training;

import io.devopssim.core.history.Decider;
import io.devopssim.core.history.HistoryEntry;
import io.devopssim.core.history.Relabel;
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
 *
 * <p>A {@link Relabel} (a person's later word on a release, e.g. a rollback the model decided that was a healthy
 * release) overrides all of that: the latest relabel of a rollout gives its label, whatever decided it, as long as
 * its window is complete. Relabels of rollouts not in the entries are counted apart.
 */
public final class HistoryExamples {
    static final String ABORTED = "aborted by a person (no label)";
    static final String FAILED = "failed before deciding (no label)";
    static final String NO_EVIDENCE = "rolled back on an inconclusive or erroneous analysis (no evidence about the release)";
    static final String CHAOS = "rolled back by a chaos experiment (its evidence is outside the analysis window)";
    static final String NO_WINDOW = "no analysis window";
    static final String INCOMPLETE = "window lacks data the features need";
    static final String SUPERSEDED = "superseded by a later entry of the same rollout";
    static final String SUPERSEDED_RELABEL = "relabel superseded by a later relabel of the same rollout";
    static final String UNKNOWN_RELABEL = "relabel of a rollout not in this history";

    private HistoryExamples() {
    }

    /**
     * @param examples    the labelled examples, in history order
     * @param skipped     why the other entries (and relabels) were not used, with how many each
     * @param relabelled  how many examples a relabel labelled
     */
    public record Labelled(List<TrainingExample> examples, Map<String, Integer> skipped, int relabelled) {
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
        return label(entries, List.of(), extractor);
    }

    /** @param relabels oldest first: a later relabel of a rollout wins */
    public static Labelled label(List<HistoryEntry> entries, List<Relabel> relabels, FeatureExtractor extractor) {
        Map<String, HistoryEntry> latest = new LinkedHashMap<>();
        Map<String, Integer> skipped = new LinkedHashMap<>();
        Map<String, Relabel> labels = new LinkedHashMap<>();
        for (Relabel r : relabels) {
            if (labels.put(r.rolloutId(), r) != null) {
                skipped.merge(SUPERSEDED_RELABEL, 1, Integer::sum);
            }
        }
        for (HistoryEntry e : entries) {
            if (latest.remove(e.rolloutId()) != null) {
                skipped.merge(SUPERSEDED, 1, Integer::sum);
            }
            latest.put(e.rolloutId(), e);
        }
        List<TrainingExample> examples = new ArrayList<>();
        int relabelled = 0;
        for (HistoryEntry e : latest.values()) {
            Relabel relabel = labels.remove(e.rolloutId());
            String why = relabel != null ? (e.window() == null ? NO_WINDOW : null) : unusable(e);
            if (why == null) {
                Features f = extractor.extract(e.window().toInput());
                if (f.complete()) {
                    boolean bad = relabel != null ? relabel.label() == Relabel.Label.BAD : bad(e);
                    // the source stays the rollout's: a relabel must not move an example across the held-out split
                    examples.add(new TrainingExample(f.values(), bad, "rollout:" + e.rolloutId()));
                    relabelled += relabel != null ? 1 : 0;
                    continue;
                }
                why = INCOMPLETE;
            }
            skipped.merge(why, 1, Integer::sum);
        }
        if (!labels.isEmpty()) {
            skipped.merge(UNKNOWN_RELABEL, labels.size(), Integer::sum);
        }
        return new Labelled(examples, skipped, relabelled);
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
