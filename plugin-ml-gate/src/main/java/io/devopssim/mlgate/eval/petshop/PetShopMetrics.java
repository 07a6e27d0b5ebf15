package io.devopssim.mlgate.eval.petshop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One PetShop {@code metrics.csv}: rows of 5 minutes, columns keyed by (microservice, metric, statistic)
 * from the file's three header rows (never by position: issue files have more columns than normal ones).
 * An empty cell is a value not reported in that interval, kept as NaN.
 */
public record PetShopMetrics(List<Instant> times, Map<Column, double[]> columns) {
    public PetShopMetrics {
        times = List.copyOf(times);
        columns = Map.copyOf(columns);
    }

    public static PetShopMetrics read(Path csv) {
        List<String> lines;
        try {
            lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv, e);
        }
        if (lines.size() < 5 || !lines.get(0).startsWith("microservice,") || !lines.get(1).startsWith("metric,")
                || !lines.get(2).startsWith("statistic,") || !lines.get(3).startsWith("unix_timestamp")) {
            throw new IllegalArgumentException(csv + ": expected the microservice / metric / statistic / unix_timestamp header rows");
        }
        String[] nodes = lines.get(0).split(",", -1);
        String[] metrics = lines.get(1).split(",", -1);
        String[] statistics = lines.get(2).split(",", -1);
        int rows = lines.size() - 4;
        List<Instant> times = new ArrayList<>(rows);
        double[][] values = new double[nodes.length][rows];
        for (int r = 0; r < rows; r++) {
            String[] cells = lines.get(4 + r).split(",", -1);
            times.add(Instant.ofEpochMilli(Math.round(Double.parseDouble(cells[0]) * 1000)));
            for (int c = 1; c < nodes.length; c++) {
                values[c][r] = c < cells.length && !cells[c].isBlank() ? Double.parseDouble(cells[c]) : Double.NaN;
            }
        }
        Map<Column, double[]> columns = new HashMap<>();
        for (int c = 1; c < nodes.length; c++) {
            columns.put(new Column(nodes[c], metrics[c], statistics[c]), values[c]);
        }
        return new PetShopMetrics(times, columns);
    }

    /** The column's values, or all NaN when the file does not have it. */
    public double[] values(Column column) {
        double[] v = columns.get(column);
        if (v == null) {
            double[] none = new double[times.size()];
            java.util.Arrays.fill(none, Double.NaN);
            return none;
        }
        return v.clone();
    }

    public int rows() {
        return times.size();
    }

    /** A column key, e.g. {@code (PetSite, latency, p99)}. */
    public record Column(String node, String metric, String statistic) {
    }
}
