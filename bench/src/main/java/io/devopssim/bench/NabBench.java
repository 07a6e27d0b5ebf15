package io.devopssim.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.devopssim.mlgate.eval.nab.CategoryScore;
import io.devopssim.mlgate.eval.nab.CostProfile;
import io.devopssim.mlgate.eval.nab.NabCorpus;
import io.devopssim.mlgate.eval.nab.NabDetectors;
import io.devopssim.mlgate.eval.nab.NabEvaluation;
import io.devopssim.mlgate.eval.nab.NabResult;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The single-series detector ({@code SurpriseDetector}) scored on the shared half of NAB exactly as NAB
 * scores (corpus-wide threshold per profile, normalised between null and perfect), per data category
 * and overall, next to the published detectors re-normalised over the same files and the official
 * full-corpus scoreboard (both read from the dataset's {@code anchors/}).
 *
 * <p>Argument: the NAB directory (default {@code ../shared/datasets/nab}, relative to the repository).
 */
public final class NabBench {
    /** Published detectors shown beside ours, best first as on the scoreboard. */
    private static final List<String> ANCHORS = List.of("contextOSE", "ARTime", "numenta", "htmjava", "numentaTM",
            "randomCutForest", "knncad", "relativeEntropy", "earthgeckoSkyline", "twitterADVec", "windowedGaussian",
            "skyline", "bayesChangePt", "null");

    private NabBench() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : "../shared/datasets/nab");
        NabCorpus corpus = NabCorpus.read(root);
        int rows = corpus.files().stream().mapToInt(f -> f.rows()).sum();

        long t0 = System.nanoTime();
        List<double[]> scores = NabEvaluation.detect(corpus, NabDetectors.surprise());
        double detectSeconds = (System.nanoTime() - t0) / 1e9;
        List<NabResult> results = NabEvaluation.score(corpus, scores);

        System.out.printf(Locale.ROOT, "NAB shared half: %d files, %,d rows, %d windows (%s).%n", corpus.files().size(), rows,
                corpus.windows(), root);
        System.out.printf(Locale.ROOT, "Detector: SurpriseDetector (defaults, daily season, rest = probation / 5); "
                + "%.2f s for all rows (%.2f us per row, one thread).%n%n", detectSeconds, detectSeconds * 1e6 / rows);

        System.out.println("| profile | corpus threshold | SurpriseDetector | windows found | FP rows |");
        System.out.println("|---|---:|---:|---:|---:|");
        for (NabResult r : results) {
            int found = r.categories().stream().mapToInt(CategoryScore::detected).sum();
            int fp = r.categories().stream().mapToInt(CategoryScore::falsePositives).sum();
            System.out.printf(Locale.ROOT, "| %s | %.4f | **%.2f** | %d / %d | %d |%n", r.profile().name(), r.threshold(),
                    r.normalised(), found, corpus.windows(), fp);
        }

        System.out.println();
        System.out.println("Per category (normalised over the category's own windows; artificialNoAnomaly has none: "
                + "its raw score, the false positives' cost, is shown instead):");
        System.out.println();
        StringBuilder header = new StringBuilder("| category | files | windows |");
        StringBuilder rule = new StringBuilder("|---|---:|---:|");
        for (NabResult r : results) {
            header.append(' ').append(r.profile().name()).append(" (found, FP rows) |");
            rule.append("---:|");
        }
        System.out.println(header);
        System.out.println(rule);
        for (int c = 0; c < results.get(0).categories().size(); c++) {
            CategoryScore first = results.get(0).categories().get(c);
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %s | %d | %d |", first.category(),
                    first.files(), first.windows()));
            for (NabResult r : results) {
                CategoryScore s = r.categories().get(c);
                String value = Double.isNaN(s.normalised()) ? String.format(Locale.ROOT, "raw %.2f", s.score())
                        : String.format(Locale.ROOT, "%.1f", s.normalised());
                row.append(String.format(Locale.ROOT, " %s (%d, %d) |", value, s.detected(), s.falsePositives()));
            }
            System.out.println(row);
        }

        System.out.println();
        System.out.println("Next to the published detectors (anchors/subset_normalized_scores_shared.json: their per-file "
                + "scores re-normalised over these 31 files, with thresholds optimised on the full corpus; and "
                + "anchors/final_results.json: the official full 58-file scoreboard):");
        System.out.println();
        ObjectMapper json = new ObjectMapper();
        JsonNode subset = json.readTree(root.resolve("anchors/subset_normalized_scores_shared.json").toFile()).path("scores");
        JsonNode full = json.readTree(root.resolve("anchors/final_results.json").toFile());
        System.out.println("| detector | standard (this half) | low FP (this half) | low FN (this half) | standard (full corpus) | low FP (full) | low FN (full) |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "| **SurpriseDetector (ours)** | **%.2f** | **%.2f** | **%.2f** | not run (held out) | | |",
                of(results, CostProfile.STANDARD), of(results, CostProfile.REWARD_LOW_FP_RATE),
                of(results, CostProfile.REWARD_LOW_FN_RATE)));
        for (String name : ANCHORS) {
            JsonNode s = subset.path(name);
            JsonNode f = full.path(name);
            lines.add(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |", name, cell(s, CostProfile.STANDARD),
                    cell(s, CostProfile.REWARD_LOW_FP_RATE), cell(s, CostProfile.REWARD_LOW_FN_RATE), cell(f, CostProfile.STANDARD),
                    cell(f, CostProfile.REWARD_LOW_FP_RATE), cell(f, CostProfile.REWARD_LOW_FN_RATE)));
        }
        lines.forEach(System.out::println);
    }

    private static double of(List<NabResult> results, CostProfile profile) {
        return results.stream().filter(r -> r.profile().name().equals(profile.name())).findFirst()
                .orElseThrow(() -> new IllegalStateException("profiles.json lacks " + profile.name())).normalised();
    }

    private static String cell(JsonNode scores, CostProfile profile) {
        JsonNode v = scores.path(profile.name());
        return v.isNumber() ? String.format(Locale.ROOT, "%.2f", v.asDouble()) : "-";
    }
}
