package io.devopssim.mlgate.gate;

import io.devopssim.mlgate.sim.SeedRange;
import io.devopssim.mlgate.sim.SimulatedRelease;
import io.devopssim.mlgate.sim.SimulatedReleases;

import java.util.List;

/** Small models trained on simulated releases, once per test class that asks. */
final class TrainedModels {
    static final int TRAINING_RELEASES = 400;
    private static final FeatureExtractor EXTRACTOR = new FeatureExtractor();

    private TrainedModels() {
    }

    static List<TrainingExample> examples(List<SimulatedRelease> releases) {
        return releases.stream()
                .map(r -> new TrainingExample(EXTRACTOR.extract(r.input()).values(), r.bad(), r.label()))
                .toList();
    }

    /** The same immutable list for every test: simulated once per JVM (holder idiom). */
    static List<TrainingExample> training() {
        return Training.EXAMPLES;
    }

    private static final class Training {
        static final List<TrainingExample> EXAMPLES = examples(SimulatedReleases.mix(SeedRange.TRAINING,
                TRAINING_RELEASES, SimulatedReleases.FaultSizes.TRAINING));
    }

    /** Held-back examples: seeds far from the training ones. */
    static List<TrainingExample> heldOut(int count) {
        return examples(SimulatedReleases.mix(SeedRange.EVALUATION, count, SimulatedReleases.FaultSizes.TRAINING));
    }
}
