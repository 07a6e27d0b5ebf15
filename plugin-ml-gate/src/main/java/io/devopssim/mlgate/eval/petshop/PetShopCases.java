package io.devopssim.mlgate.eval.petshop;

import io.devopssim.core.judge.AnalysisInput;
import io.devopssim.core.metrics.CanaryBaseline;
import io.devopssim.core.metrics.Sample;
import io.devopssim.core.metrics.StandardMetrics;
import io.devopssim.mlgate.eval.petshop.PetShopMetrics.Column;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PetShop (Hardt et al., CLeaR 2024) as canary decisions on the user-facing service, PetSite:
 * <ul>
 *   <li>every labelled issue: canary = its 5-row window (25 minutes), baseline = the scenario's
 *       normal-operation file (all of it), expected decision rollback;</li>
 *   <li>normal slices: the normal-operation file cut into consecutive 5-row slices, each a canary against
 *       the rest of the file minus {@link #GUARD} rows either side, expected decision promote.</li>
 * </ul>
 * Metrics: error rate = (100 - availability) / 100, latency p50 and p99 in ms, request rate = requests
 * per 5 minutes / 300. PetShop has no CPU: judges must do without it. Scenarios without a normal-operation
 * file (temporal_traffic1/2 here) give issue cases with an empty baseline.
 */
public final class PetShopCases {
    /** The user-facing service: every issue's degraded target metric is on it. */
    public static final String NODE = "PetSite";
    /** Rows per canary slice: the length of every labelled issue window. */
    public static final int SLICE = 5;
    /** Rows left out of a normal slice's baseline on each side, so that canary and baseline do not touch. */
    public static final int GUARD = 5;
    private static final double ROW_SECONDS = 300;
    private static final String NORMAL_FILE = "noissue/metrics_first60pct.csv";
    private static final Pattern FAULT = Pattern.compile("/petstore/(\\w+)\\s*=\\s*(\\S+)");

    private PetShopCases() {
    }

    /** Issue cases of {@code labels.csv} (in its order), then normal slices of each scenario that has a normal file. */
    public static List<PetShopCase> read(Path root) {
        List<Map<String, String>> labels = readLabels(root.resolve("labels.csv"));
        Map<String, PetShopMetrics> normal = new LinkedHashMap<>();
        List<PetShopCase> cases = new ArrayList<>();
        for (Map<String, String> label : labels) {
            String scenario = label.get("scenario");
            if (!"rollback".equals(label.get("expected_gate_decision"))) {
                throw new IllegalArgumentException("labels.csv: " + scenario + "/" + label.get("issue")
                        + " expects '" + label.get("expected_gate_decision") + "', only rollback issues are known");
            }
            Path normalFile = root.resolve(scenario).resolve(NORMAL_FILE);
            PetShopMetrics baseline = Files.exists(normalFile) ? normal.computeIfAbsent(scenario, s -> PetShopMetrics.read(normalFile)) : null;
            PetShopMetrics issue = PetShopMetrics.read(root.resolve(scenario).resolve(label.get("split"))
                    .resolve(label.get("issue")).resolve("metrics.csv"));
            AnalysisInput input = input(issue, 0, issue.rows(), baseline, -1, -1);
            cases.add(new PetShopCase(scenario + "/" + label.get("issue"), scenario, faultType(label.get("injected_fault")), true, input));
        }
        for (Map.Entry<String, PetShopMetrics> e : normal.entrySet()) {
            PetShopMetrics file = e.getValue();
            for (int first = 0; first + SLICE <= file.rows(); first += SLICE) {
                AnalysisInput input = input(file, first, first + SLICE, file, first - GUARD, first + SLICE + GUARD);
                cases.add(new PetShopCase(e.getKey() + "/normal@" + first, e.getKey(), PetShopCase.NORMAL, false, input));
            }
        }
        return cases;
    }

    /** "ssm parameter /petstore/searchdelay = 1000" is "searchdelay 1000"; anything else is kept as written. */
    static String faultType(String injected) {
        Matcher m = FAULT.matcher(injected);
        return m.find() ? m.group(1) + " " + m.group(2) : injected;
    }

    /**
     * Canary rows {@code [from, to)} of {@code canaryFile}; baseline: every row of {@code baselineFile}
     * outside {@code [excludeFrom, excludeTo)}.
     */
    private static AnalysisInput input(PetShopMetrics canaryFile, int from, int to, PetShopMetrics baselineFile,
                                       int excludeFrom, int excludeTo) {
        Map<String, CanaryBaseline> series = new LinkedHashMap<>();
        put(series, StandardMetrics.ERROR_RATE, new Column(NODE, "availability", "Average"), a -> (100 - a) / 100,
                canaryFile, from, to, baselineFile, excludeFrom, excludeTo);
        put(series, StandardMetrics.LATENCY_P50_MS, new Column(NODE, "latency", "p50"), s -> s * 1000,
                canaryFile, from, to, baselineFile, excludeFrom, excludeTo);
        put(series, StandardMetrics.LATENCY_P99_MS, new Column(NODE, "latency", "p99"), s -> s * 1000,
                canaryFile, from, to, baselineFile, excludeFrom, excludeTo);
        put(series, StandardMetrics.REQUEST_RATE, new Column(NODE, "requests", "Sum"), n -> n / ROW_SECONDS,
                canaryFile, from, to, baselineFile, excludeFrom, excludeTo);
        return new AnalysisInput(canaryFile.times().get(from), canaryFile.times().get(to - 1).plusSeconds((long) ROW_SECONDS),
                series, Map.of(StandardMetrics.CPU_CORES, "PetShop has no CPU metrics"));
    }

    private static void put(Map<String, CanaryBaseline> series, String metric, Column column, DoubleUnaryOperator unit,
                            PetShopMetrics canaryFile, int from, int to, PetShopMetrics baselineFile,
                            int excludeFrom, int excludeTo) {
        List<Sample> canary = samples(canaryFile, column, unit, from, to, -1, -1);
        List<Sample> baseline = baselineFile == null ? List.of()
                : samples(baselineFile, column, unit, 0, baselineFile.rows(), excludeFrom, excludeTo);
        series.put(metric, new CanaryBaseline(metric, baseline, canary));
    }

    private static List<Sample> samples(PetShopMetrics file, Column column, DoubleUnaryOperator unit, int from, int to,
                                        int excludeFrom, int excludeTo) {
        double[] values = file.values(column);
        List<Sample> samples = new ArrayList<>();
        for (int r = from; r < to; r++) {
            if (r < excludeFrom || r >= excludeTo) {
                samples.add(new Sample(file.times().get(r), unit.applyAsDouble(values[r])));
            }
        }
        return samples;
    }

    private static List<Map<String, String>> readLabels(Path csv) {
        try {
            List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
            String[] header = lines.get(0).split(",", -1);
            List<Map<String, String>> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                if (cells.length != header.length) {
                    throw new IllegalArgumentException(csv + ": " + cells.length + " cells where the header has "
                            + header.length + ": " + line);
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) {
                    row.put(header[i], cells[i]);
                }
                rows.add(row);
            }
            if (rows.isEmpty() || !Arrays.asList(header).containsAll(List.of("scenario", "split", "issue", "injected_fault",
                    "expected_gate_decision"))) {
                throw new IllegalArgumentException(csv + ": no rows, or missing scenario/split/issue/injected_fault/expected_gate_decision");
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv, e);
        }
    }
}
