package io.devopssim.chaos.gremlin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Gremlin API on 127.0.0.1 that checks every field shared/gremlin/API.md names in each request and
 * answers with API.md's shapes: 201 + GUID text for a create, a Task for a get, a list of Tasks for
 * {@code GET /attacks/active}, 202 for a halt. Requests that break API.md are answered 400 and recorded in
 * {@link #violations()}. It keeps a create's {@code annotations} and returns them on the Task, which is our
 * inference about the real API (see GremlinClient#createAttack); {@link #dropAnnotations} plays a Gremlin
 * that does not.
 */
public final class FakeGremlin implements AutoCloseable {
    public static final String TEAM = "team-7f3a";
    public static final String KEY = "gremlin-secret-key-123";
    /** command.type and its commandType, from Gremlin's SDK (API.md "command"). */
    static final Map<String, String> TYPES = Map.of("cpu", "CPU", "memory", "Memory", "shutdown", "Shutdown",
            "process_killer", "Process Killer", "blackhole", "Blackhole", "latency", "Latency", "packet_loss", "Packet Loss");
    private static final Pattern ONE = Pattern.compile("/v1/attacks/([A-Za-z0-9-]+)");

    private final HttpServer server;
    private final ObjectMapper json = new ObjectMapper();
    private final List<String> violations = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> stages = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, JsonNode> bodies = Collections.synchronizedMap(new LinkedHashMap<>());
    private final AtomicInteger ids = new AtomicInteger();
    /** When set, every request is answered with this status and a body echoing the Authorization header. */
    public volatile int failWith;
    /** When set, halts are acknowledged (202) but the attacks keep running. */
    volatile boolean ignoreHalts;
    /** When set, a create makes the attack and then answers 504, as a gateway whose upstream answer was lost. */
    volatile boolean loseCreateAnswers;
    /** When set, a create's annotations are accepted but not kept. */
    volatile boolean dropAnnotations;

    public FakeGremlin() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/", this::handle);
        server.start();
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    }

    public List<String> violations() {
        return List.copyOf(violations);
    }

    /** Attacks whose stage may still act on a target. */
    public Set<String> active() {
        synchronized (stages) {
            Set<String> active = new java.util.TreeSet<>();
            stages.forEach((guid, stage) -> {
                if (stage.equals("Running")) {
                    active.add(guid);
                }
            });
            return active;
        }
    }

    public Map<String, JsonNode> created() {
        synchronized (bodies) {
            return new LinkedHashMap<>(bodies);
        }
    }

    void setStage(String guid, String stage) {
        stages.put(guid, stage);
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            String path = x.getRequestURI().getPath();
            String method = x.getRequestMethod();
            List<String> problems = common(x);
            if (failWith != 0) {
                respond(x, failWith, "text/plain", "denied for Authorization: " + x.getRequestHeaders().getFirst("Authorization"));
                return;
            }
            if (!problems.isEmpty()) {
                violations.addAll(problems.stream().map(p -> method + " " + path + ": " + p).toList());
                respond(x, problems.get(0).startsWith("Authorization") ? 401 : 400, "text/plain", String.join("; ", problems));
                return;
            }
            Matcher one = ONE.matcher(path);
            if (method.equals("POST") && path.equals("/v1/attacks/new")) {
                create(x);
            } else if (method.equals("GET") && path.equals("/v1/attacks/active")) {
                ArrayNode tasks = json.createArrayNode();
                synchronized (stages) {
                    stages.forEach((guid, stage) -> {
                        if (stage.equals("Running")) {
                            tasks.add(task(guid));
                        }
                    });
                }
                respond(x, 200, "application/json", tasks.toString());
            } else if (method.equals("GET") && one.matches() && stages.containsKey(one.group(1))) {
                respond(x, 200, "application/json", task(one.group(1)).toString());
            } else if (method.equals("DELETE") && one.matches()) {
                if (!stages.containsKey(one.group(1))) {
                    respond(x, 404, "text/plain", "");
                    return;
                }
                if (!ignoreHalts) {
                    stages.computeIfPresent(one.group(1), (g, s) -> s.equals("Running") ? "UserHalted" : s);
                }
                respond(x, 202, "text/plain", "");
            } else if (method.equals("DELETE") && path.equals("/v1/attacks")) {
                ArrayNode halted = json.createArrayNode();
                synchronized (stages) {
                    stages.replaceAll((g, s) -> {
                        if (s.equals("Running")) {
                            halted.addObject().put("guid", g).put("stage", "UserHalted");
                            return "UserHalted";
                        }
                        return s;
                    });
                }
                respond(x, 200, "application/json", halted.toString());
            } else {
                respond(x, 404, "text/plain", "");
            }
        }
    }

    /** A Task as API.md lists its fields (those our client reads, and a few it must ignore). */
    private ObjectNode task(String guid) {
        ObjectNode task = json.createObjectNode();
        String stage = stages.get(guid);
        task.put("guid", guid).put("orgId", "org-1").put("stage", stage)
                .put("stageLifecycle", stage.equals("Running") ? "Active" : "Complete")
                .put("createSource", "Api").put("type", "NETWORK");
        if (stage.equals("Running")) {
            task.putNull("endTime");
        } else {
            task.put("endTime", 1_763_892_000_000L);
        }
        JsonNode body = bodies.get(guid);
        if (body != null && body.has("annotations") && !dropAnnotations) {
            task.set("annotations", body.get("annotations"));
        }
        return task;
    }

    /**
     * Authorization: Key <key>; teamId on every call (API.md "Authentication", "Team id"); on the attack lists
     * only the optional source (Adhoc|Scenario) and pageSize besides (API.md "Get / list attacks").
     */
    private List<String> common(HttpExchange x) {
        List<String> problems = new ArrayList<>();
        if (!("Key " + KEY).equals(x.getRequestHeaders().getFirst("Authorization"))) {
            problems.add("Authorization is not 'Key <api key>'");
        }
        String query = x.getRequestURI().getRawQuery();
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            int eq = pair.indexOf('=');
            params.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
        }
        if (!TEAM.equals(params.remove("teamId"))) {
            problems.add("teamId missing or wrong: " + query);
        }
        boolean list = x.getRequestMethod().equals("GET") && x.getRequestURI().getPath().matches("/v1/attacks(/active|/completed)?");
        if (list) {
            String source = params.remove("source");
            if (source != null && !Set.of("Adhoc", "Scenario").contains(source)) {
                problems.add("source must be Adhoc or Scenario: " + source);
            }
            String pageSize = params.remove("pageSize");
            if (pageSize != null && !pageSize.matches("[1-9]\\d*")) {
                problems.add("pageSize must be a positive count: " + pageSize);
            }
        }
        if (!params.isEmpty()) {
            problems.add("unknown query parameters " + params.keySet());
        }
        return problems;
    }

    private void create(HttpExchange x) throws IOException {
        List<String> problems = new ArrayList<>();
        if (!"application/json".equals(x.getRequestHeaders().getFirst("Content-Type"))) {
            problems.add("Content-Type is not application/json");
        }
        JsonNode body = json.readTree(x.getRequestBody());
        JsonNode command = body.path("command");
        String type = command.path("type").asText();
        if (!TYPES.containsKey(type)) {
            problems.add("command.type " + type + " unknown");
        } else if (command.has("commandType") && !TYPES.get(type).equals(command.get("commandType").asText())) {
            problems.add("command.commandType " + command.get("commandType") + " does not pair with " + type);
        }
        JsonNode args = command.path("args");
        if (!args.isArray() || args.size() < 2 || !args.get(0).asText().equals("-l")
                || !args.get(1).asText().matches("\\d+")) {
            problems.add("command.args must start with -l <seconds>: " + args);
        } else {
            args.forEach(a -> {
                if (!a.isTextual()) {
                    problems.add("command.args holds a non-string: " + a);
                }
            });
            long seconds = Long.parseLong(args.get(1).asText());
            if (seconds < 1 || seconds > 31_449_600) {
                problems.add("length " + seconds + " out of 1..31449600");
            }
        }
        JsonNode target = body.path("target");
        if (!Set.of("Exact", "Random").contains(target.path("type").asText())) {
            problems.add("target.type must be Exact or Random: " + target.path("type"));
        }
        JsonNode labels = target.path("containers").path("multiSelectLabels");
        if (!labels.isObject() || labels.isEmpty()) {
            problems.add("target.containers.multiSelectLabels must select something (an empty target hits every client)");
        } else {
            labels.fields().forEachRemaining(e -> {
                if (!e.getValue().isArray() || e.getValue().isEmpty()) {
                    problems.add("multiSelectLabels." + e.getKey() + " must be a list of values");
                }
            });
        }
        JsonNode annotations = body.path("annotations");
        if (!annotations.isMissingNode()) {
            // inference (API.md lists annotations only on the Task): an object of name-value strings
            if (!annotations.isObject()) {
                problems.add("annotations must be an object of strings: " + annotations);
            } else {
                annotations.fields().forEachRemaining(e -> {
                    if (!e.getValue().isTextual()) {
                        problems.add("annotations." + e.getKey() + " must be a string");
                    }
                });
            }
        }
        body.fieldNames().forEachRemaining(f -> {
            if (!Set.of("command", "target", "annotations").contains(f)) {
                problems.add("unknown top-level field " + f);
            }
        });
        boolean percent = target.has("percent");
        boolean exact = target.has("exact");
        if (percent == exact) {
            problems.add("target needs exactly one of percent and exact");
        } else if (percent && !(target.get("percent").isInt() && target.get("percent").asInt() >= 1 && target.get("percent").asInt() <= 100)) {
            problems.add("target.percent must be 1..100: " + target.get("percent"));
        } else if (exact && !(target.get("exact").isInt() && target.get("exact").asInt() >= 1)) {
            problems.add("target.exact must be a positive count: " + target.get("exact"));
        }
        if (!problems.isEmpty()) {
            violations.addAll(problems.stream().map(p -> "POST /attacks/new: " + p).toList());
            respond(x, 400, "text/plain", String.join("; ", problems));
            return;
        }
        String guid = "a1b2c3d4-0000-4000-8000-" + String.format("%012d", ids.incrementAndGet());
        stages.put(guid, "Running");
        bodies.put(guid, body);
        if (loseCreateAnswers) {
            respond(x, 504, "text/plain", "upstream timed out");
            return;
        }
        respond(x, 201, "text/plain", guid);
    }

    private static void respond(HttpExchange x, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", type);
        x.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            x.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
