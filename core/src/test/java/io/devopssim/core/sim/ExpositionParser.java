package io.devopssim.core.sim;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A strict parser of the Prometheus text exposition format 0.0.4, stricter than Prometheus itself
 * where our endpoint can afford it: every family must have both HELP and TYPE before its samples,
 * families are contiguous, series unique, histograms complete and cumulative, counters non-negative.
 * Any breach throws {@link IllegalArgumentException} naming the line.
 */
final class ExpositionParser {
    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final Pattern FLOAT = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern TIMESTAMP = Pattern.compile("-?\\d+");
    private static final Set<String> TYPES = Set.of("counter", "gauge", "histogram", "summary", "untyped");

    record Series(String name, Map<String, String> labels, double value) {
    }

    record Family(String name, String type, String help, List<Series> series) {
        /** The value of the series of {@code sampleName} with exactly {@code labels}. */
        double value(String sampleName, Map<String, String> labels) {
            return series.stream()
                    .filter(s -> s.name().equals(sampleName) && s.labels().equals(labels))
                    .mapToDouble(Series::value)
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no series " + sampleName + labels));
        }
    }

    private final Map<String, String> helps = new LinkedHashMap<>();
    private final Map<String, String> types = new LinkedHashMap<>();
    private final Map<String, List<Series>> samples = new LinkedHashMap<>();
    private final Set<String> seenSeries = new HashSet<>();
    private final Set<String> closedFamilies = new HashSet<>();
    private String currentFamily;
    private int lineNumber;

    /** Parses a whole exposition and checks it; returns the families in order, by name. */
    static Map<String, Family> parse(String text) {
        return new ExpositionParser().run(text);
    }

    private Map<String, Family> run(String text) {
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw new IllegalArgumentException("the exposition must end with a line feed");
        }
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length - 1; i++) {
            lineNumber = i + 1;
            String line = lines[i];
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                comment(line);
            } else {
                sample(line);
            }
        }
        Map<String, Family> families = new LinkedHashMap<>();
        for (Map.Entry<String, String> type : types.entrySet()) {
            String name = type.getKey();
            if (!helps.containsKey(name)) {
                throw new IllegalArgumentException("family " + name + " has a TYPE but no HELP");
            }
            List<Series> series = samples.getOrDefault(name, List.of());
            if ("histogram".equals(type.getValue())) {
                checkHistogram(name, series);
            }
            families.put(name, new Family(name, type.getValue(), helps.get(name), List.copyOf(series)));
        }
        for (String name : helps.keySet()) {
            if (!types.containsKey(name)) {
                throw new IllegalArgumentException("family " + name + " has a HELP but no TYPE");
            }
        }
        return families;
    }

    private void comment(String line) {
        String[] tokens = line.split(" ", 4);
        if (tokens.length < 3 || !tokens[0].equals("#") || !(tokens[1].equals("HELP") || tokens[1].equals("TYPE"))) {
            return; // a plain comment
        }
        String name = tokens[2];
        requireName(name);
        enterFamily(name);
        if (tokens[1].equals("HELP")) {
            if (tokens.length < 4) {
                throw fail("HELP of " + name + " has no text");
            }
            checkHelpEscapes(tokens[3]);
            if (helps.put(name, tokens[3]) != null) {
                throw fail("second HELP for " + name);
            }
        } else {
            if (tokens.length != 4 || !TYPES.contains(tokens[3])) {
                throw fail("TYPE of " + name + " must be one of " + TYPES);
            }
            if (types.put(name, tokens[3]) != null) {
                throw fail("second TYPE for " + name);
            }
        }
    }

    private void sample(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) != '{' && line.charAt(i) != ' ') {
            i++;
        }
        String name = line.substring(0, i);
        requireName(name);
        Map<String, String> labels = new LinkedHashMap<>();
        if (i < line.length() && line.charAt(i) == '{') {
            i = labels(line, i + 1, labels);
        }
        if (i >= line.length() || line.charAt(i) != ' ') {
            throw fail("expected a space before the value");
        }
        String[] rest = line.substring(i + 1).split(" ", -1);
        if (rest.length > 2) {
            throw fail("expected a value and an optional timestamp");
        }
        double value = value(rest[0]);
        if (rest.length == 2 && !TIMESTAMP.matcher(rest[1]).matches()) {
            throw fail("bad timestamp " + rest[1]);
        }
        String family = familyOf(name, labels);
        enterFamily(family);
        if (!seenSeries.add(name + labels)) {
            throw fail("duplicate series " + name + labels);
        }
        if ("counter".equals(types.get(family)) && !(value >= 0)) {
            throw fail("counter " + name + " is " + value);
        }
        samples.computeIfAbsent(family, k -> new ArrayList<>()).add(new Series(name, Map.copyOf(labels), value));
    }

    /** Parses {@code name="value",...}} from {@code i}; returns the index after the closing brace. */
    private int labels(String line, int i, Map<String, String> labels) {
        while (true) {
            if (i < line.length() && line.charAt(i) == '}') {
                return i + 1;
            }
            int eq = line.indexOf('=', i);
            if (eq < 0) {
                throw fail("label without '='");
            }
            String label = line.substring(i, eq);
            if (!LABEL_NAME.matcher(label).matches() || label.startsWith("__")) {
                throw fail("bad label name \"" + label + "\"");
            }
            if (eq + 1 >= line.length() || line.charAt(eq + 1) != '"') {
                throw fail("label value of " + label + " is not quoted");
            }
            StringBuilder value = new StringBuilder();
            int j = eq + 2;
            while (true) {
                if (j >= line.length()) {
                    throw fail("unterminated label value of " + label);
                }
                char c = line.charAt(j);
                if (c == '"') {
                    break;
                }
                if (c == '\\') {
                    char next = j + 1 < line.length() ? line.charAt(j + 1) : 0;
                    switch (next) {
                        case '\\' -> value.append('\\');
                        case '"' -> value.append('"');
                        case 'n' -> value.append('\n');
                        default -> throw fail("bad escape in label value of " + label);
                    }
                    j += 2;
                } else {
                    value.append(c);
                    j++;
                }
            }
            if (labels.put(label, value.toString()) != null) {
                throw fail("label " + label + " given twice");
            }
            i = j + 1;
            if (i < line.length() && line.charAt(i) == ',') {
                i++;
            } else if (i >= line.length() || line.charAt(i) != '}') {
                throw fail("expected ',' or '}' after label " + label);
            }
        }
    }

    private double value(String text) {
        switch (text) {
            case "+Inf":
                return Double.POSITIVE_INFINITY;
            case "-Inf":
                return Double.NEGATIVE_INFINITY;
            case "NaN":
                return Double.NaN;
            default:
                if (!FLOAT.matcher(text).matches()) {
                    throw fail("bad value \"" + text + "\"");
                }
                return Double.parseDouble(text);
        }
    }

    /** The family a sample belongs to: itself, or a histogram/summary it is a part of. */
    private String familyOf(String name, Map<String, String> labels) {
        if (types.containsKey(name) && !"histogram".equals(types.get(name))) {
            if ("summary".equals(types.get(name)) != labels.containsKey("quantile")) {
                throw fail("quantile label only on a summary's quantile series: " + name);
            }
            if (labels.containsKey("le")) {
                throw fail("le label outside a histogram's _bucket: " + name);
            }
            return name;
        }
        for (String suffix : List.of("_bucket", "_sum", "_count")) {
            if (name.endsWith(suffix)) {
                String base = name.substring(0, name.length() - suffix.length());
                String type = types.get(base);
                if ("histogram".equals(type) || ("summary".equals(type) && !suffix.equals("_bucket"))) {
                    if (suffix.equals("_bucket") != labels.containsKey("le")) {
                        throw fail("le label belongs on _bucket series only: " + name);
                    }
                    return base;
                }
            }
        }
        throw fail("sample " + name + " has no TYPE before it");
    }

    private void enterFamily(String family) {
        if (family.equals(currentFamily)) {
            return;
        }
        if (currentFamily != null) {
            closedFamilies.add(currentFamily);
        }
        if (closedFamilies.contains(family)) {
            throw fail("lines of family " + family + " are not one group");
        }
        currentFamily = family;
    }

    private void checkHistogram(String name, List<Series> series) {
        Map<Map<String, String>, List<Series>> byLabels = new LinkedHashMap<>();
        for (Series s : series) {
            Map<String, String> key = new LinkedHashMap<>(s.labels());
            key.remove("le");
            byLabels.computeIfAbsent(Map.copyOf(key), k -> new ArrayList<>()).add(s);
        }
        for (Map.Entry<Map<String, String>, List<Series>> group : byLabels.entrySet()) {
            double lastLe = Double.NEGATIVE_INFINITY;
            double lastCount = 0;
            Double infCount = null;
            Double count = null;
            boolean sum = false;
            for (Series s : group.getValue()) {
                if (s.name().endsWith("_bucket")) {
                    double le = value(s.labels().get("le"));
                    if (!(le > lastLe)) {
                        throw new IllegalArgumentException(name + group.getKey() + ": le " + le + " not increasing");
                    }
                    if (s.value() < lastCount) {
                        throw new IllegalArgumentException(name + group.getKey() + ": bucket le=" + le + " decreases");
                    }
                    lastLe = le;
                    lastCount = s.value();
                    if (le == Double.POSITIVE_INFINITY) {
                        infCount = s.value();
                    }
                } else if (s.name().endsWith("_count")) {
                    count = s.value();
                } else {
                    sum = true;
                }
            }
            if (infCount == null || count == null || !sum) {
                throw new IllegalArgumentException(name + group.getKey() + ": needs a +Inf bucket, _sum and _count");
            }
            if (!infCount.equals(count)) {
                throw new IllegalArgumentException(name + group.getKey() + ": _count " + count + " is not the +Inf bucket " + infCount);
            }
        }
    }

    private void checkHelpEscapes(String help) {
        for (int i = 0; i < help.length(); i++) {
            if (help.charAt(i) == '\\') {
                char next = i + 1 < help.length() ? help.charAt(i + 1) : 0;
                if (next != '\\' && next != 'n') {
                    throw fail("bad escape in HELP");
                }
                i++;
            }
        }
    }

    private void requireName(String name) {
        if (!METRIC_NAME.matcher(name).matches()) {
            throw fail("bad metric name \"" + name + "\"");
        }
    }

    private IllegalArgumentException fail(String message) {
        return new IllegalArgumentException("line " + lineNumber + ": " + message);
    }
}
