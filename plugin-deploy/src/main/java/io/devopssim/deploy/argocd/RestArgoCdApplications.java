package io.devopssim.deploy.argocd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Argo CD through its REST API (grpc-gateway in front of the API server), authenticated with
 * {@code Authorization: Bearer <token>}. Endpoints and bodies follow shared/argocd/swagger.json:
 * {@code ApplicationService_Get} ({@code GET /api/v1/applications/{name}}, with {@code refresh=hard|normal}
 * to refresh) and {@code ApplicationService_Sync} ({@code POST /api/v1/applications/{name}/sync}).
 *
 * <p>The token is only ever put into the request header: error messages carry the method, path, HTTP
 * status and Argo CD's own {@code message}, never headers.
 */
public final class RestArgoCdApplications implements ArgoCdApplications {

    /** Application names are Kubernetes object names: no slash, so a name cannot change the path. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");

    private final URI server;
    private final BearerToken token;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param server         the API server's base address, e.g. {@code https://argocd.example}
     * @param requestTimeout bounds each request; a refresh waits for the controller, so allow seconds
     */
    public RestArgoCdApplications(URI server, BearerToken token, HttpClient http, Duration requestTimeout) {
        this.server = Objects.requireNonNull(server, "server");
        this.token = Objects.requireNonNull(token, "token");
        this.http = Objects.requireNonNull(http, "http");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
    }

    @Override
    public ApplicationState get(String application) throws ArgoCdException {
        return ApplicationState.fromJson(send("GET", path(application), null));
    }

    /** The API server sets the refresh annotation, waits for the reconcile and returns the app. */
    @Override
    public void refresh(String application, boolean hard) throws ArgoCdException {
        send("GET", path(application) + "?refresh=" + (hard ? "hard" : "normal"), null);
    }

    @Override
    public void sync(String application, String revision) throws ArgoCdException {
        ObjectNode body = json.createObjectNode();
        body.put("name", application);
        body.put("revision", Objects.requireNonNull(revision, "revision"));
        body.put("prune", false);
        body.putObject("strategy").putObject("hook");
        send("POST", path(application) + "/sync", body.toString());
    }

    private String path(String application) {
        if (application == null || !NAME.matcher(application).matches()) {
            throw new IllegalArgumentException("not an Application name: " + application);
        }
        return "/api/v1/applications/" + application;
    }

    private JsonNode send(String method, String pathAndQuery, String body) throws ArgoCdException {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.resolve(pathAndQuery))
                .timeout(requestTimeout)
                .header("Accept", "application/json")
                .header("Authorization", token.authorizationHeader());
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        String what = method + " " + pathAndQuery;
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ArgoCdException("Argo CD " + what + " failed: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ArgoCdException("Argo CD " + what + " interrupted", e);
        }
        JsonNode answer = parse(what, response.body());
        if (response.statusCode() != 200) {
            // grpc-gateway's runtimeError: the message says more than the status (e.g. another operation running)
            String message = answer.path("message").asText("");
            throw new ArgoCdException("Argo CD " + what + " answered HTTP " + response.statusCode()
                    + (message.isEmpty() ? "" : ": " + message));
        }
        return answer;
    }

    private JsonNode parse(String what, String body) throws ArgoCdException {
        if (body == null || body.isBlank()) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new ArgoCdException("Argo CD " + what + " answered with something that is not JSON", e);
        }
    }
}
