package io.devopssim.mlgate.eval.nab;

import io.devopssim.mlgate.anomaly.AnomalyDetector;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs a detector over every file of a corpus, one fresh detector per file fed row by row (streaming:
 * a row's score sees only the rows before it), then scores the corpus per profile as NAB does: one
 * threshold per profile optimised over all files, per-file scores at that threshold, totals normalised
 * per data category and overall.
 */
public final class NabEvaluation {
    private NabEvaluation() {
    }

    /** The detector's anomaly score of every row of every file, in corpus order. */
    public static List<double[]> detect(NabCorpus corpus, Function<LabelledSeries, AnomalyDetector> detectors) {
        List<double[]> scores = new ArrayList<>();
        for (LabelledSeries file : corpus.files()) {
            AnomalyDetector detector = detectors.apply(file);
            double[] values = file.values();
            double[] out = new double[values.length];
            List<Instant> times = file.times();
            for (int i = 0; i < values.length; i++) {
                out[i] = detector.update(times.get(i), values[i]).score();
            }
            scores.add(out);
        }
        return scores;
    }

    /** Scores of {@code anomalyScores} (one array per corpus file) under every profile of the corpus. */
    public static List<NabResult> score(NabCorpus corpus, List<double[]> anomalyScores) {
        List<NabResult> results = new ArrayList<>();
        for (CostProfile profile : corpus.profiles()) {
            List<NabScorer.FileSweep> sweeps = corpus.files().stream().map(f -> NabScorer.sweep(f, profile)).toList();
            NabScorer.Optimum optimum = NabScorer.optimize(sweeps, anomalyScores);
            List<FileScore> files = new ArrayList<>();
            Map<String, CategoryTotals> categories = new LinkedHashMap<>();
            for (int f = 0; f < sweeps.size(); f++) {
                FileScore score = NabScorer.score(sweeps.get(f), anomalyScores.get(f), optimum.threshold());
                files.add(score);
                LabelledSeries file = corpus.files().get(f);
                categories.computeIfAbsent(file.category(), CategoryTotals::new).add(score);
            }
            List<CategoryScore> byCategory = categories.values().stream().map(t -> t.result(profile)).toList();
            double total = files.stream().mapToDouble(FileScore::score).sum();
            results.add(new NabResult(profile, optimum.threshold(), total, NabScorer.normalise(total, corpus.windows(), profile),
                    byCategory, files));
        }
        return results;
    }

    private static final class CategoryTotals {
        private final String category;
        private int files;
        private int detected;
        private int missed;
        private int falsePositives;
        private double score;

        CategoryTotals(String category) {
            this.category = category;
        }

        void add(FileScore s) {
            files++;
            detected += s.windowsDetected();
            missed += s.windowsMissed();
            falsePositives += s.fp();
            score += s.score();
        }

        CategoryScore result(CostProfile profile) {
            int windows = detected + missed;
            return new CategoryScore(category, files, windows, detected, falsePositives, score,
                    NabScorer.normalise(score, windows, profile));
        }
    }
}
