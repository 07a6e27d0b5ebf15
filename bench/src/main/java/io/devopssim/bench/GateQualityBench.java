package io.devopssim.bench;

import io.devopssim.core.judge.Judge;
import io.devopssim.core.judge.ThresholdJudge;
import io.devopssim.core.metrics.StandardMetrics;
import io.devopssim.core.model.Judgement;
import io.devopssim.core.model.Verdict;
import io.devopssim.core.spec.AnalysisSpec;
import io.devopssim.core.spec.MetricCriterion;
import io.devopssim.mlgate.gate.CombinedGate;
import io.devopssim.mlgate.gate.FeatureExtractor;
import io.devopssim.mlgate.gate.GateModel;
import io.devopssim.mlgate.gate.GateTrainer;
import io.devopssim.mlgate.gate.TrainingExample;
import io.devopssim.mlgate.gate.ThresholdCalibration;
import io.devopssim.mlgate.gate.TrainingParams;
import io.devopssim.mlgate.gate.XgboostGate;
import io.devopssim.mlgate.judge.MannWhitneyConfig;
import io.devopssim.mlgate.judge.MannWhitneyJudge;
import io.devopssim.mlgate.judge.MetricConfig;
import io.devopssim.mlgate.sim.FaultKind;
import io.devopssim.mlgate.sim.SeedRange;
import io.devopssim.mlgate.sim.SimulatedRelease;
import io.devopssim.mlgate.sim.SimulatedReleases;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Decision quality and latency of the three judges on simulated releases, printed as Markdown.
 *
 * <p>Every release is judged once, at the 10% analysis step (five minutes at 10% canary weight): a fault
 * FAILED there is caught before the canary passes 25% of the traffic. Healthy releases FAILED there are
 * false rollbacks. INCONCLUSIVE neither catches nor rolls back; it is counted apart. The XGBoost model is
 * trained on training seeds and judged on evaluation seeds, which are disjoint.
 *
 * <p>Chaos (features v3): the fragile cells are releases healthy in steady state that fail more requests under
 * a chaos step's latency fault, which runs on the canary before their analysis; a third of the healthy releases
 * run the same chaos step, so false rollbacks include healthy releases judged with chaos evidence. Only the
 * XGBoost gate reads chaos results; the other judges see the analysis window alone.
 *
 * <p>Arguments: {@code [releasesPerCell] [healthyReleases] [trainingReleases]} (defaults 100 1000 4000), or
 * {@code latency} for the latency table alone.
 */
public final class GateQualityBench {
    private static final List<Cell> CELLS = List.of(
            new Cell(FaultKind.ERROR, "small", 0.005), new Cell(FaultKind.ERROR, "medium", 0.01),
            new Cell(FaultKind.ERROR, "large", 0.05),
            new Cell(FaultKind.LATENCY, "small", 1.2), new Cell(FaultKind.LATENCY, "medium", 1.5),
            new Cell(FaultKind.LATENCY, "large", 2.0),
            new Cell(FaultKind.CPU, "small", 1.3), new Cell(FaultKind.CPU, "medium", 1.6),
            new Cell(FaultKind.CPU, "large", 2.5),
            new Cell(FaultKind.FRAGILE, "small", 0.02), new Cell(FaultKind.FRAGILE, "large", 0.06));
    /** Every this many healthy releases one runs a chaos step before its analysis. */
    private static final int CHAOS_EVERY = 3;
    /** Healthy releases for threshold calibration: training side of the seeds, after any training seed used. */
    private static final SeedRange VALIDATION = new SeedRange(SeedRange.TRAINING.seed(90_000), 500);
    private static final int WARM_UP = 2_000;
    private static final int TIMED = 20_000;

    private GateQualityBench() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("latency")) {
            latencyOnly();
            return;
        }
        int perCell = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int healthy = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int trainingCount = args.length > 2 ? Integer.parseInt(args[2]) : 4000;
        if (trainingCount > 90_000) {
            throw new IllegalArgumentException("training seeds would run into the validation seeds");
        }

        long t0 = System.nanoTime();
        FeatureExtractor extractor = new FeatureExtractor();
        List<TrainingExample> training = SimulatedReleases.mix(SeedRange.TRAINING, trainingCount,
                        SimulatedReleases.FaultSizes.TRAINING).stream()
                .map(r -> new TrainingExample(extractor.extract(r.input()).values(), r.bad(), r.label()))
                .toList();
        GateModel model = new GateTrainer(TrainingParams.DEFAULT).train(training).model();
        // validation: healthy releases on training-side seeds the model never saw, never evaluation seeds
        List<TrainingExample> validation = new ArrayList<>();
        for (int i = 0; i < VALIDATION.count(); i++) {
            SimulatedRelease r = SimulatedReleases.simulate(VALIDATION.seed(i), FaultKind.HEALTHY, 0, i % CHAOS_EVERY == 0);
            validation.add(new TrainingExample(extractor.extract(r.input()).values(), false, r.label()));
        }
        double calibrated = ThresholdCalibration.forFalseAlarmRate(model, validation, 0.01, 0.5);
        double trainSeconds = (System.nanoTime() - t0) / 1e9;

        Map<String, Judge> judges = new LinkedHashMap<>();
        judges.put("Threshold (Flagger-style)", new ThresholdJudge(thresholdSpec()));
        judges.put("Mann-Whitney (Kayenta defaults; errors, p99 critical)", new MannWhitneyJudge(kayentaLike(false)));
        judges.put("Mann-Whitney (every metric critical)", new MannWhitneyJudge(kayentaLike(true)));
        judges.put("XGBoost gate (p >= 0.5)", new XgboostGate(model));
        judges.put(String.format(Locale.ROOT, "XGBoost gate (p >= %.3f, calibrated for 1%% false alarms on validation seeds)", calibrated),
                new XgboostGate(model, extractor, calibrated, XgboostGate.DEFAULT_REASONS));

        judges.put("Combined (threshold, then Mann-Whitney every metric critical, then XGBoost p >= 0.5)",
                new CombinedGate(List.of(new CombinedGate.Stage("thresholds", judges.get("Threshold (Flagger-style)")),
                        new CombinedGate.Stage("mann-whitney", judges.get("Mann-Whitney (every metric critical)")),
                        new CombinedGate.Stage("xgboost", judges.get("XGBoost gate (p >= 0.5)")))));

        // evaluation seeds: one block of the evaluation range per cell, so no two cells share a release
        List<List<SimulatedRelease>> faulty = new ArrayList<>();
        for (int c = 0; c < CELLS.size(); c++) {
            SeedRange block = new SeedRange(SeedRange.EVALUATION.seed(c * 5_000), perCell);
            Cell cell = CELLS.get(c);
            List<SimulatedRelease> releases = new ArrayList<>(perCell);
            for (int i = 0; i < perCell; i++) {
                releases.add(SimulatedReleases.simulate(block.seed(i), cell.kind, cell.size, cell.kind == FaultKind.FRAGILE));
            }
            faulty.add(releases);
        }
        SeedRange healthyBlock = new SeedRange(SeedRange.EVALUATION.seed(60_000), healthy);
        List<SimulatedRelease> healthyReleases = new ArrayList<>(healthy);
        for (int i = 0; i < healthy; i++) {
            healthyReleases.add(SimulatedReleases.simulate(healthyBlock.seed(i), FaultKind.HEALTHY, 0, i % CHAOS_EVERY == 0));
        }

        System.out.printf(Locale.ROOT, "Training: %d simulated releases (seeds %d..), %.1f s including simulation.%n",
                trainingCount, SeedRange.TRAINING.first(), trainSeconds);
        System.out.printf(Locale.ROOT, "Evaluation: %d releases per fault cell, %d healthy (seeds from %d; every %dth after a chaos step),"
                        + " judged at %d%% weight after %s.%n%n", perCell, healthy, SeedRange.EVALUATION.first(), CHAOS_EVERY,
                SimulatedReleases.CANARY_WEIGHT, SimulatedReleases.WINDOW);

        StringBuilder header = new StringBuilder("| judge |");
        StringBuilder rule = new StringBuilder("|---|");
        for (Cell cell : CELLS) {
            header.append(' ').append(cell.kind.name().toLowerCase(Locale.ROOT)).append(' ').append(cell.label)
                    .append(" (").append(cell.sizeText()).append(") |");
            rule.append("---:|");
        }
        header.append(" all faults caught | inconclusive on faults | false rollbacks (healthy) | of which after chaos | inconclusive on healthy |");
        rule.append("---:|---:|---:|---:|---:|");
        System.out.println(header);
        System.out.println(rule);
        for (Map.Entry<String, Judge> entry : judges.entrySet()) {
            Judge judge = entry.getValue();
            StringBuilder row = new StringBuilder("| " + entry.getKey() + " |");
            int caught = 0;
            int inconclusive = 0;
            int total = 0;
            for (List<SimulatedRelease> cell : faulty) {
                int cellCaught = 0;
                for (SimulatedRelease r : cell) {
                    Verdict v = judge.judge(r.input()).verdict();
                    cellCaught += v == Verdict.FAILED ? 1 : 0;
                    inconclusive += v == Verdict.INCONCLUSIVE ? 1 : 0;
                }
                caught += cellCaught;
                total += cell.size();
                row.append(' ').append(percent(cellCaught, cell.size())).append(" |");
            }
            int falseRollbacks = 0;
            int afterChaos = 0;
            int healthyInconclusive = 0;
            for (SimulatedRelease r : healthyReleases) {
                Verdict v = judge.judge(r.input()).verdict();
                falseRollbacks += v == Verdict.FAILED ? 1 : 0;
                afterChaos += v == Verdict.FAILED && r.input().chaos() != null ? 1 : 0;
                healthyInconclusive += v == Verdict.INCONCLUSIVE ? 1 : 0;
            }
            row.append(' ').append(percent(caught, total)).append(" | ").append(percent(inconclusive, total))
                    .append(" | ").append(percent(falseRollbacks, healthy)).append(" (").append(falseRollbacks)
                    .append('/').append(healthy).append(") | ").append(afterChaos).append('/')
                    .append((healthy + CHAOS_EVERY - 1) / CHAOS_EVERY).append(" | ").append(percent(healthyInconclusive, healthy)).append(" |");
            System.out.println(row);
        }

        List<SimulatedRelease> inputs = new ArrayList<>(healthyReleases.subList(0, Math.min(50, healthyReleases.size())));
        faulty.forEach(cell -> inputs.addAll(cell.subList(0, Math.min(5, cell.size()))));
        System.out.println();
        latency(model, inputs);
    }

    /** Only the latency table, on a model trained on 400 releases: quick to repeat on a quieter machine. */
    private static void latencyOnly() {
        FeatureExtractor extractor = new FeatureExtractor();
        List<TrainingExample> training = SimulatedReleases.mix(SeedRange.TRAINING, 400, SimulatedReleases.FaultSizes.TRAINING)
                .stream().map(r -> new TrainingExample(extractor.extract(r.input()).values(), r.bad(), r.label())).toList();
        GateModel model = new GateTrainer(TrainingParams.DEFAULT).train(training).model();
        latency(model, SimulatedReleases.mix(SeedRange.EVALUATION, 100, SimulatedReleases.FaultSizes.TRAINING));
    }

    private static void latency(GateModel model, List<SimulatedRelease> inputs) {
        FeatureExtractor extractor = new FeatureExtractor();
        System.out.printf(Locale.ROOT, "Latency of one decision (%d warm-up, %d timed calls, one thread):%n%n", WARM_UP, TIMED);
        System.out.println("| what | p50 ms | p99 ms | max ms |");
        System.out.println("|---|---:|---:|---:|");
        float[][] vectors = inputs.stream().map(r -> extractor.extract(r.input()).values()).toArray(float[][]::new);
        XgboostGate gate = new XgboostGate(model);
        MannWhitneyJudge mannWhitney = new MannWhitneyJudge(kayentaLike(false));
        int[] next = {0};
        latencyRow("XGBoost predict (one row, new DMatrix)", () -> model.probabilityBad(vectors[next[0]++ % vectors.length]));
        latencyRow("XGBoost SHAP predictContrib (one row)", () -> model.contributions(vectors[next[0]++ % vectors.length]));
        latencyRow("XGBoost gate decision (features + predict + SHAP reasons)",
                () -> gate.judge(inputs.get(next[0]++ % inputs.size()).input()));
        latencyRow("Mann-Whitney judge decision (4 metrics)", () -> mannWhitney.judge(inputs.get(next[0]++ % inputs.size()).input()));
    }

    /** A Flagger-style analysis: absolute limits where Flagger's defaults have them, ratios elsewhere. */
    static AnalysisSpec thresholdSpec() {
        return new AnalysisSpec(SimulatedReleases.STEP, 10, List.of(
                new MetricCriterion(StandardMetrics.ERROR_RATE, 0.01, null, 2.0),
                new MetricCriterion(StandardMetrics.LATENCY_P50_MS, null, null, 1.5),
                new MetricCriterion(StandardMetrics.LATENCY_P99_MS, 500.0, null, 1.5),
                new MetricCriterion(StandardMetrics.CPU_CORES, null, null, 1.5)));
    }

    static MannWhitneyConfig kayentaLike(boolean everyMetricCritical) {
        return MannWhitneyConfig.defaults(List.of(
                MetricConfig.mustNotIncrease(StandardMetrics.ERROR_RATE, "errors", true),
                MetricConfig.mustNotIncrease(StandardMetrics.LATENCY_P50_MS, "latency", everyMetricCritical),
                MetricConfig.mustNotIncrease(StandardMetrics.LATENCY_P99_MS, "latency", true),
                MetricConfig.mustNotIncrease(StandardMetrics.CPU_CORES, "saturation", everyMetricCritical)));
    }

    private static void latencyRow(String what, Supplier<?> call) {
        Object sink = null;
        for (int i = 0; i < WARM_UP; i++) {
            sink = call.get();
        }
        long[] nanos = new long[TIMED];
        for (int i = 0; i < TIMED; i++) {
            long start = System.nanoTime();
            sink = call.get();
            nanos[i] = System.nanoTime() - start;
        }
        if (sink == null) {
            throw new IllegalStateException("no result");
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %.3f |%n", what, nanos[TIMED / 2] / 1e6,
                nanos[(int) (TIMED * 0.99)] / 1e6, nanos[TIMED - 1] / 1e6);
    }

    private static String percent(int part, int whole) {
        return String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
    }

    private record Cell(FaultKind kind, String label, double size) {
        String sizeText() {
            return switch (kind) {
                case ERROR -> String.format(Locale.ROOT, "+%.1f%%", size * 100);
                case FRAGILE -> String.format(Locale.ROOT, "+%.0f%% errors under chaos", size * 100);
                default -> String.format(Locale.ROOT, "x%.1f", size);
            };
        }
    }

}
