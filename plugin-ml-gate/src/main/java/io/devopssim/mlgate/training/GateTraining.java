package io.devopssim.mlgate.training;

import io.devopssim.core.gitops.GitPromoter;
import io.devopssim.core.gitops.PromotionException;
import io.devopssim.core.history.HistoryEntry;
import io.devopssim.core.history.Relabel;
import io.devopssim.mlgate.gate.FeatureExtractor;
import io.devopssim.mlgate.gate.FeatureSchema;
import io.devopssim.mlgate.gate.GateScore;
import io.devopssim.mlgate.gate.GateTrainer;
import io.devopssim.mlgate.gate.ModelException;
import io.devopssim.mlgate.gate.ModelMetadata;
import io.devopssim.mlgate.gate.ModelRegistry;
import io.devopssim.mlgate.gate.PromotionDecision;
import io.devopssim.mlgate.gate.TrainingExample;
import io.devopssim.mlgate.sim.SeedRange;
import io.devopssim.mlgate.sim.SimulatedRelease;
import io.devopssim.mlgate.sim.SimulatedReleases;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/**
 * Trains the gate's model from release history (and simulated releases, to bootstrap), stores it as a new
 * version of the model directory, and makes it current only if it is not worse than the current model on
 * examples held back from both ({@link io.devopssim.mlgate.gate.GatingCriterion}); optionally commits a
 * promoted model to Git first. In order, each step failing before the next one changes anything:
 * <ol>
 *   <li>label the history ({@link HistoryExamples}) and check the model directory's current model reads this
 *       gate's feature schema;</li>
 *   <li>simulate the bootstrap releases;</li>
 *   <li>split off the held-back examples ({@link HeldOutSplit}) and check there is enough of both classes;</li>
 *   <li>train; store the version (whole, not current); decide;</li>
 *   <li>if promoted: commit to Git (a failure there removes the stored version and changes nothing), then make
 *       it current.</li>
 * </ol>
 * Progress goes to a line consumer: history read, labels, simulation and training progress, both models'
 * figures. An interrupted thread stops it between releases or boosting rounds with a {@link CancellationException}
 * and nothing stored.
 */
public final class GateTraining {
    /** Fewest examples of each class on each side of the split. */
    public static final int MIN_PER_CLASS = 3;
    /** Fewest labelled examples in all. */
    public static final int MIN_EXAMPLES = 20;
    private static final int SIMULATION_REPORTS = 5;

    private final Clock clock;
    private final GitPromoter git;

    /** @param git commits promoted models when a request names a Git target; may be null when none does */
    public GateTraining(Clock clock, GitPromoter git) {
        this.clock = clock;
        this.git = git;
    }

    public TrainingOutcome run(TrainingRequest request, Consumer<String> progress) {
        if (request.git() != null && git == null) {
            throw new IllegalStateException("a Git target needs a GitPromoter");
        }
        FeatureExtractor extractor = new FeatureExtractor();
        List<HistoryEntry> entries = new ArrayList<>();
        List<Relabel> relabels = new ArrayList<>();
        for (NamedHistory h : request.history()) {
            progress.accept("history " + h.name() + ": " + h.read().entries().size() + " entries"
                    + (h.read().relabels().isEmpty() ? "" : ", " + h.read().relabels().size() + " relabels")
                    + (h.read().skipped().isEmpty() ? "" : ", " + h.read().skipped().size() + " lines skipped"));
            h.read().skipped().forEach(s -> progress.accept("  " + s));
            entries.addAll(h.read().entries());
            relabels.addAll(h.read().relabels());
        }
        HistoryExamples.Labelled labelled = HistoryExamples.label(entries, relabels, extractor);
        progress.accept("labelled " + labelled.healthy() + " healthy and " + labelled.bad() + " bad releases from history"
                + (labelled.relabelled() == 0 ? "" : " (" + labelled.relabelled() + " as relabelled)"));
        labelled.skipped().forEach((why, n) -> progress.accept("  skipped " + n + ": " + why));

        ModelRegistry registry = new ModelRegistry(request.modelDir());
        Optional<String> current = registry.currentVersion();
        boolean incompatible = current.isPresent() && !registry.readsCurrentSchema(current.get());
        if (incompatible && !request.replaceIncompatible()) {
            throw new TrainingException("the current model " + current.get() + " in " + request.modelDir()
                    + " reads feature schema " + registry.metadata(current.get()).schemaVersion() + "; this devsim computes "
                    + FeatureSchema.VERSION + ", so the two cannot be compared on the same examples. Use a new model"
                    + " directory, or allow the new model to replace it without a comparison");
        }

        List<TrainingExample> examples = new ArrayList<>(labelled.examples());
        examples.addAll(simulate(request.simulatedReleases(), extractor, progress));
        HeldOutSplit.Split split = HeldOutSplit.split(examples, request.heldOutShare());
        checkEnough(labelled, request.simulatedReleases(), examples, split);
        progress.accept("training on " + split.training().size() + " examples (" + bad(split.training()) + " bad), holding back "
                + split.heldOut().size() + " (" + bad(split.heldOut()) + " bad)");

        GateTrainer.Trained trained = new GateTrainer(request.params(), clock).train(split.training(),
                (done, total) -> progress.accept("training: " + done + "/" + total + " rounds"));
        String version;
        try {
            GateScore score = GateScore.of(trained.model(), split.heldOut(), request.criterion().falseRollbackRate());
            Map<String, Integer> sources = new LinkedHashMap<>();
            sources.put("history", labelled.examples().size());
            sources.put("simulated", request.simulatedReleases());
            ModelMetadata metadata = trained.metadata().withLineage(current.orElse(null),
                    GateTrainer.dataHash(split.heldOut()), score, sources);
            version = registry.register(new GateTrainer.Trained(trained.model(), metadata));
        } finally {
            trained.model().close();
        }

        PromotionDecision decision = incompatible
                ? new PromotionDecision(true, version, current.get(), registry.metadata(version).heldOut(), null,
                        version + " replaces " + current.get() + " of another feature schema without a comparison (as asked): "
                                + registry.metadata(version).heldOut().describe())
                : registry.decide(version, split.heldOut(), request.criterion());
        progress.accept(decision.reason());

        String commit = null;
        if (decision.promoted() && request.git() != null) {
            progress.accept("committing " + version + " to " + request.git().branch() + " of "
                    + safe(request.git().repoUrl()));
            try {
                commit = new ModelPublisher(git).publish(request.git(), registry, version, current.orElse(null), decision).commitId();
            } catch (PromotionException e) {
                registry.discard(version);
                throw new ModelException(version + " was not published, and not kept: " + e.getMessage(), e);
            }
        }
        if (decision.promoted()) {
            registry.makeCurrent(version);
        }
        return new TrainingOutcome(version, decision, registry.metadata(version), commit);
    }

    /** The bootstrap releases, reported a few times along the way; stops when the thread is interrupted. */
    private static List<TrainingExample> simulate(int count, FeatureExtractor extractor, Consumer<String> progress) {
        List<TrainingExample> out = new ArrayList<>(count);
        int reportEvery = Math.max(1, count / SIMULATION_REPORTS);
        for (int i = 0; i < count; i++) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("interrupted after simulating " + i + " of " + count + " releases");
            }
            // the same release the i-th of SimulatedReleases.mix(SeedRange.TRAINING, ...) would be
            SimulatedRelease r = SimulatedReleases.mix(new SeedRange(SeedRange.TRAINING.seed(i), 1), 1,
                    SimulatedReleases.FaultSizes.TRAINING).get(0);
            out.add(new TrainingExample(extractor.extract(r.input()).values(), r.bad(), r.label()));
            if ((i + 1) % reportEvery == 0 || i + 1 == count) {
                progress.accept("simulated " + (i + 1) + "/" + count + " releases");
            }
        }
        return out;
    }

    private static void checkEnough(HistoryExamples.Labelled labelled, int simulated, List<TrainingExample> examples,
                                    HeldOutSplit.Split split) {
        long bad = bad(examples);
        String hint = simulated == 0 ? "; add simulated releases to bootstrap (devsim gate train --simulated 400)" : "";
        if (examples.isEmpty()) {
            throw new TrainingException("no labelled example: the history holds no promoted or failed-and-rolled-back"
                    + " release with its analysis window" + hint);
        }
        if (bad == 0 || bad == examples.size()) {
            throw new TrainingException("the examples are all " + (bad == 0 ? "healthy" : "bad") + " (" + examples.size()
                    + "; from history " + labelled.healthy() + " healthy, " + labelled.bad() + " bad): a model needs both"
                    + " healthy releases and bad ones" + hint);
        }
        long trainingBad = bad(split.training());
        long heldBad = bad(split.heldOut());
        long trainingHealthy = split.training().size() - trainingBad;
        long heldHealthy = split.heldOut().size() - heldBad;
        if (examples.size() < MIN_EXAMPLES || Math.min(trainingBad, trainingHealthy) < MIN_PER_CLASS
                || Math.min(heldBad, heldHealthy) < MIN_PER_CLASS) {
            throw new TrainingException("too little history to train and gate a model: " + examples.size()
                    + " labelled examples (" + (examples.size() - bad) + " healthy, " + bad + " bad), of which " + split.training().size()
                    + " to train on (" + trainingHealthy + " healthy, " + trainingBad + " bad) and " + split.heldOut().size()
                    + " held back (" + heldHealthy + " healthy, " + heldBad + " bad); at least " + MIN_EXAMPLES
                    + " examples and " + MIN_PER_CLASS + " of each class on each side are needed" + hint);
        }
    }

    private static long bad(List<TrainingExample> examples) {
        return examples.stream().filter(TrainingExample::bad).count();
    }

    private static String safe(String url) {
        return url.replaceAll("//[^/@]*@", "//");
    }

}
