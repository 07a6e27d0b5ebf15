package io.devopssim.mlgate.eval.nab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A NAB corpus on disk, in upstream's layout: {@code data/<category>/<file>.csv} ({@code timestamp,value}),
 * {@code labels/combined_windows.json} and {@code config/profiles.json}. Every file named in the windows
 * file is read; a window whose limits are not timestamps of its file is an error, not a guess.
 */
public record NabCorpus(List<LabelledSeries> files, List<CostProfile> profiles) {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public NabCorpus {
        files = List.copyOf(files);
        profiles = List.copyOf(profiles);
        if (files.isEmpty() || profiles.isEmpty()) {
            throw new IllegalArgumentException("a corpus needs files and profiles");
        }
    }

    public static NabCorpus read(Path root) {
        ObjectMapper json = new ObjectMapper();
        try {
            JsonNode windows = json.readTree(root.resolve("labels/combined_windows.json").toFile());
            List<LabelledSeries> files = new ArrayList<>();
            Map<String, JsonNode> byName = new TreeMap<>();
            windows.properties().forEach(e -> byName.put(e.getKey(), e.getValue()));
            for (Map.Entry<String, JsonNode> e : byName.entrySet()) {
                files.add(readFile(root.resolve("data").resolve(e.getKey()), e.getKey(), e.getValue()));
            }
            return new NabCorpus(files, readProfiles(json.readTree(root.resolve("config/profiles.json").toFile())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the NAB corpus under " + root, e);
        }
    }

    public int windows() {
        return files.stream().mapToInt(f -> f.windows().size()).sum();
    }

    static List<CostProfile> readProfiles(JsonNode profiles) {
        List<CostProfile> result = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : profiles.properties()) {
            JsonNode cost = e.getValue().path("CostMatrix");
            if (!cost.has("tpWeight") || !cost.has("fpWeight") || !cost.has("fnWeight")) {
                throw new IllegalArgumentException("profile " + e.getKey() + " lacks tpWeight, fpWeight or fnWeight");
            }
            result.add(new CostProfile(e.getKey(), cost.get("tpWeight").asDouble(), cost.get("fpWeight").asDouble(),
                    cost.get("fnWeight").asDouble()));
        }
        return result;
    }

    private static LabelledSeries readFile(Path csv, String name, JsonNode windowLimits) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).trim().equals("timestamp,value")) {
            throw new IllegalArgumentException(csv + ": expected the header 'timestamp,value'");
        }
        List<Instant> times = new ArrayList<>(lines.size() - 1);
        double[] values = new double[lines.size() - 1];
        Map<Instant, Integer> rowOf = new HashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            int comma = line.indexOf(',');
            if (comma < 0) {
                throw new IllegalArgumentException(csv + " line " + (i + 1) + ": no comma in '" + line + "'");
            }
            Instant time = parseTime(line.substring(0, comma), csv, i + 1);
            times.add(time);
            values[i - 1] = Double.parseDouble(line.substring(comma + 1).trim());
            rowOf.putIfAbsent(time, i - 1);   // NAB takes the first row of a repeated timestamp
        }
        List<AnomalyWindow> windows = new ArrayList<>();
        for (JsonNode limits : windowLimits) {
            windows.add(new AnomalyWindow(row(rowOf, limits.get(0).asText(), name), row(rowOf, limits.get(1).asText(), name)));
        }
        return new LabelledSeries(name, times, values, windows);
    }

    private static int row(Map<Instant, Integer> rowOf, String limit, String name) {
        // window limits carry a ".000000" fraction that the data's timestamps do not
        int dot = limit.indexOf('.');
        Instant time = parseTime(dot < 0 ? limit : limit.substring(0, dot), null, 0);
        Integer row = rowOf.get(time);
        if (row == null) {
            throw new IllegalArgumentException(name + ": window limit " + limit + " is not a timestamp of the file");
        }
        return row;
    }

    private static Instant parseTime(String text, Path csv, int line) {
        try {
            return LocalDateTime.parse(text.trim(), TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException((csv == null ? "" : csv + " line " + line + ": ") + "bad timestamp '" + text + "'", e);
        }
    }
}
