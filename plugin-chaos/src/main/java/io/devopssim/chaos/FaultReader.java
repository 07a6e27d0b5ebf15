package io.devopssim.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import io.devopssim.core.chaos.Fault;
import io.devopssim.core.spec.SpecProblem;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads one element of {@code faults:}: a one-key map such as {@code latency: {ms: 200}}, or a bare name. */
final class FaultReader {
    /** Every fault and its parameters. */
    static final Map<String, List<String>> KINDS = Map.of(
            "latency", List.of("ms"),
            "packetLoss", List.of("percent"),
            "blackhole", List.of(),
            "cpu", List.of("cores", "percent"),
            "memory", List.of("mib"),
            "podKill", List.of("count"),
            "nodeFailure", List.of(),
            "processKill", List.of("name"));
    static final List<String> NAMES = List.of("latency", "packetLoss", "blackhole", "cpu", "memory", "podKill",
            "nodeFailure", "processKill");

    /** Most a single fault asks for: one hour of delay, 64 GiB, 1,024 cores or pods is a typo. */
    private static final int MAX_MS = 3_600_000;
    private static final int MAX_MIB = 65_536;
    private static final int MAX_COUNT = 1_024;

    private FaultReader() {
    }

    static Optional<Fault> read(JsonNode element, String path, List<SpecProblem> problems) {
        if (element.isTextual()) {
            return ofName(element.asText(), null, path, problems);
        }
        if (!element.isObject() || element.size() != 1) {
            problems.add(new SpecProblem(path, "expected one fault, such as {latency: {ms: 200}}, got "
                    + (element.isObject() ? element.size() + " keys" : Fields.describe(element))));
            return Optional.empty();
        }
        String kind = element.fieldNames().next();
        return ofName(kind, element.get(kind), path, problems);
    }

    private static Optional<Fault> ofName(String kind, JsonNode params, String path, List<SpecProblem> problems) {
        if (!KINDS.containsKey(kind)) {
            problems.add(new SpecProblem(path, "unknown fault \"" + kind + "\" (known: " + String.join(", ", NAMES) + ")"));
            return Optional.empty();
        }
        String at = Fields.child(path, kind);
        List<String> keys = KINDS.get(kind);
        if (Fields.isAbsent(params) || (params.isObject() && params.isEmpty())) {
            if (keys.isEmpty()) {
                return Optional.of(kind.equals("blackhole") ? new Fault.Blackhole() : new Fault.NodeFailure());
            }
            if (!kind.equals("cpu")) {
                problems.add(new SpecProblem(at, "needs " + String.join(", ", keys)));
                return Optional.empty();
            }
        }
        Optional<Fields> fields = Fields.isAbsent(params) ? Optional.empty() : Fields.map(params, at, problems, keys);
        if (fields.isEmpty() && !Fields.isAbsent(params)) {
            return Optional.empty();
        }
        return switch (kind) {
            case "latency" -> fields.get().integer("ms", true, 1, MAX_MS).map(Fault.Latency::new);
            case "packetLoss" -> fields.get().integer("percent", true, 1, 100).map(Fault.PacketLoss::new);
            case "memory" -> fields.get().integer("mib", true, 1, MAX_MIB).map(Fault.Memory::new);
            case "podKill" -> fields.get().integer("count", true, 1, MAX_COUNT).map(Fault.PodKill::new);
            case "processKill" -> fields.get().text("name", true).map(Fault.ProcessKill::new);
            case "cpu" -> cpu(fields);
            default -> Optional.of(kind.equals("blackhole") ? new Fault.Blackhole() : new Fault.NodeFailure());
        };
    }

    /** {@code cpu: {}} burns one core fully; either parameter may be given alone. */
    private static Optional<Fault> cpu(Optional<Fields> fields) {
        if (fields.isEmpty()) {
            return Optional.of(new Fault.Cpu(1, 100));
        }
        Fields f = fields.get();
        Optional<Integer> cores = f.has("cores") ? f.integer("cores", false, 1, MAX_COUNT) : Optional.of(1);
        Optional<Integer> percent = f.has("percent") ? f.integer("percent", false, 1, 100) : Optional.of(100);
        return cores.isPresent() && percent.isPresent()
                ? Optional.of(new Fault.Cpu(cores.get(), percent.get()))
                : Optional.empty();
    }
}
