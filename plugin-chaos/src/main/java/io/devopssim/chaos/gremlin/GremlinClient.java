package io.devopssim.chaos.gremlin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A thin client of the Gremlin REST API over java.net.http, for the calls a chaos step needs: create an
 * attack, read its status, list the team's active ones, halt one, halt all of the team's. Each request carries
 * {@code Authorization: Key <api key>} and {@code teamId}; the key is never put in a message.
 * See shared/gremlin/API.md; what is <b>inference</b> there is marked so here. Thread-safe.
 */
public final class GremlinClient {
    /** API.md "Base URL" (attested by the SDK, Spinnaker and Gremlin's MCP server). */
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.gremlin.com/v1");
    /** Optional agent header, as Gremlin's SDK and Spinnaker send one (API.md "Authentication"). */
    static final String AGENT = "devsim/0.1.0";
    private static final Pattern GUID = Pattern.compile("[A-Za-z0-9-]{1,100}");

    private final URI baseUrl;
    private final GremlinCredentials credentials;
    private final HttpClient http;
    private final Duration timeout;
    private final ObjectMapper json = new ObjectMapper();

    public GremlinClient(URI baseUrl, GremlinCredentials credentials, Duration timeout) {
        this.baseUrl = URI.create(Objects.requireNonNull(baseUrl, "baseUrl").toString().replaceAll("/+$", ""));
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * {@code POST /attacks/new}: answers 201 with the new attack's GUID as plain text (API.md; Concord
     * strips quotes from it, so do we). Returns the GUID.
     *
     * <p>The request's annotations go in a top-level {@code annotations} object of string values. <b>Inference</b>:
     * API.md lists {@code annotations} only among the fields of the returned {@code Task} (from the OpenAPI
     * model [S10]); that the create body ({@code TaskInput}) accepts the same field, and that Gremlin keeps
     * it and returns it on the Task, is our reading, not a documented fact. {@link GremlinBackend} checks it
     * on every attack it creates, so a Gremlin that drops them is noticed at once.
     */
    public String createAttack(AttackRequest attack) throws GremlinException {
        ObjectNode body = json.createObjectNode();
        ObjectNode command = body.putObject("command");
        command.put("type", attack.type());
        command.put("commandType", attack.commandType());
        ArrayNode args = command.putArray("args");
        attack.args().forEach(args::add);
        ObjectNode target = body.putObject("target");
        target.put("type", "Random");
        ObjectNode labels = target.putObject("containers").putObject("multiSelectLabels");
        attack.labels().forEach((k, v) -> labels.putArray(k).add(v));
        if (attack.percent() != null) {
            target.put("percent", attack.percent());
        } else {
            target.put("exact", attack.exact());
        }
        if (!attack.annotations().isEmpty()) {
            ObjectNode annotations = body.putObject("annotations");
            attack.annotations().forEach(annotations::put);
        }
        HttpRequest request = request("/attacks/new")
                .header("Content-Type", "application/json")
                .header("Accept", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        HttpResponse<String> response = send(request, "create attack");
        expect(response, "create attack", 201);
        // inference (API.md, Gaps 4): newer API versions might answer JSON; a GUID is all we accept
        String guid = response.body().strip().replace("\"", "");
        if (!GUID.matcher(guid).matches()) {
            throw new GremlinException("create attack: the answer is not an attack id", response.statusCode());
        }
        return guid;
    }

    /** {@code GET /attacks/{guid}}: the attack's Task. */
    public AttackStatus attack(String guid) throws GremlinException {
        HttpResponse<String> response = send(request("/attacks/" + checked(guid)).GET().build(), "get attack " + guid);
        expect(response, "get attack " + guid, 200);
        return status(parse(response, "get attack " + guid), guid);
    }

    /**
     * {@code GET /attacks/active}: the team's attacks that are not finished, each a {@code Task} (API.md
     * "Get / list attacks"), with their annotations. <b>Inference</b>: that the answer is a JSON array of
     * Tasks, and that its first page holds every active attack: API.md names an optional {@code pageSize} but
     * no default and no way to page on, so none is sent. The default {@code source} is {@code Adhoc}, which
     * is where API-created attacks are (API.md).
     */
    public List<AttackStatus> activeAttacks() throws GremlinException {
        HttpResponse<String> response = send(request("/attacks/active").GET().build(), "list active attacks");
        expect(response, "list active attacks", 200);
        JsonNode tasks = parse(response, "list active attacks");
        if (!tasks.isArray()) {
            throw new GremlinException("list active attacks: the answer is not a list of attacks", response.statusCode());
        }
        List<AttackStatus> active = new ArrayList<>();
        for (JsonNode task : tasks) {
            if (task.hasNonNull("guid")) {
                active.add(status(task, task.get("guid").asText()));
            }
        }
        return active;
    }

    private static AttackStatus status(JsonNode task, String guid) {
        Map<String, String> annotations = new LinkedHashMap<>();
        task.path("annotations").fields().forEachRemaining(e -> {
            if (e.getValue().isTextual()) {
                annotations.put(e.getKey(), e.getValue().asText());
            }
        });
        return new AttackStatus(task.path("guid").asText(guid), task.path("stage").asText(""),
                task.path("stageLifecycle").asText(""), !task.path("endTime").isMissingNode() && !task.path("endTime").isNull(),
                annotations);
    }

    /**
     * {@code DELETE /attacks/{guid}}, idempotent. Concord expects 202; 200 and 204 are accepted too
     * (inference: API.md, Gaps 4). 404 means the attack does not exist, which for a halt is success.
     */
    public void halt(String guid) throws GremlinException {
        HttpResponse<String> response = send(request("/attacks/" + checked(guid)).DELETE().build(), "halt attack " + guid);
        if (response.statusCode() != 404) {
            expect(response, "halt attack " + guid, 200, 202, 204);
        }
    }

    /** {@code DELETE /attacks}: halts every attack of the team, also those this controller did not start. */
    public void haltAll() throws GremlinException {
        HttpResponse<String> response = send(request("/attacks").DELETE().build(), "halt all attacks");
        expect(response, "halt all attacks", 200, 202, 204);
    }

    private HttpRequest.Builder request(String path) {
        URI uri = URI.create(baseUrl + path + "?teamId=" + URLEncoder.encode(credentials.teamId(), StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Authorization", "Key " + credentials.apiKey())
                .header("X-Gremlin-Agent", AGENT);
    }

    private HttpResponse<String> send(HttpRequest request, String what) throws GremlinException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the cause's message may hold the URL, never the header; still, redact what we show
            throw new GremlinException(what + ": no answer from Gremlin (" + credentials.redact(e.getMessage()) + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GremlinException(what + ": interrupted", e);
        }
    }

    private void expect(HttpResponse<String> response, String what, int... accepted) throws GremlinException {
        for (int status : accepted) {
            if (response.statusCode() == status) {
                return;
            }
        }
        throw new GremlinException(what + ": Gremlin answered " + response.statusCode() + meaning(response.statusCode())
                + excerpt(response.body()), response.statusCode());
    }

    /** Client-side meanings as Concord's Gremlin client reads them (API.md "Errors"). */
    private static String meaning(int status) {
        return switch (status) {
            case 400 -> " (invalid input)";
            case 401 -> " (not authenticated: check the API key)";
            case 403 -> " (no permission for this team)";
            case 404 -> " (no such attack)";
            default -> status >= 500 ? " (server error)" : "";
        };
    }

    /** A short, key-free excerpt of an error body, which may echo the request. */
    private String excerpt(String body) {
        String text = credentials.redact(body).strip();
        if (text.isEmpty()) {
            return "";
        }
        return ": " + (text.length() > 200 ? text.substring(0, 200) + "..." : text);
    }

    private JsonNode parse(HttpResponse<String> response, String what) throws GremlinException {
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new GremlinException(what + ": the answer is not JSON", response.statusCode());
        }
    }

    private static String checked(String guid) {
        if (!GUID.matcher(guid).matches()) {
            throw new IllegalArgumentException("not an attack id: " + guid);
        }
        return guid;
    }
}
