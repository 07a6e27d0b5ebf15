package io.devopssim.deploy.argocd;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.devopssim.deploy.routing.Crds;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Plays the Argo CD API server on 127.0.0.1 for one Application: checks the bearer token, serves
 * {@code ApplicationService_Get} and {@code ApplicationService_Sync}, and validates every request it
 * gets and every response it gives against shared/argocd/swagger.json. The test plays the controller
 * through {@link #app()}; {@link #validationErrors()} must stay empty.
 */
public final class FakeArgoCdServer implements AutoCloseable {

    private static final String PREFIX = "/api/v1/applications/";

    private final OpenApiInteractionValidator validator;
    private final ObjectMapper json = new ObjectMapper();
    private final List<String> validationErrors = new CopyOnWriteArrayList<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Map<String, ObjectNode> apps = new ConcurrentHashMap<>();
    private final String token;
    private final HttpServer server;

    /** Built once for all test classes of the run: reading and converting the 360 kB Swagger 2.0 file takes seconds. */
    private static OpenApiInteractionValidator sharedValidator;

    /** The validator for shared/argocd/swagger.json (thread-safe once built). */
    public static synchronized OpenApiInteractionValidator argoCdValidator() {
        if (sharedValidator == null) {
            sharedValidator = OpenApiInteractionValidator
                    .createForSpecificationUrl(Crds.shared("argocd/swagger.json").toUri().toString())
                    .build();
        }
        return sharedValidator;
    }

    public FakeArgoCdServer(OpenApiInteractionValidator validator, String token, ObjectNode app) throws IOException {
        this.validator = validator;
        this.token = token;
        apps.put(app.path("metadata").path("name").asText(), app);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/", this::handle);
        server.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The Application as the server holds it; tests change it to play the controller. */
    public ObjectNode app() {
        return apps.values().iterator().next();
    }

    public List<String> validationErrors() {
        return validationErrors;
    }

    /** "METHOD path?query" of every request, in order. */
    public List<String> requests() {
        return requests;
    }

    /** HttpServer drops an exception thrown here silently, so it is recorded as an error and answered 500. */
    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            serve(exchange);
        } catch (RuntimeException | IOException e) {
            validationErrors.add("fake server failed: " + e);
            exchange.sendResponseHeaders(500, -1);
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getRawQuery();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(method + " " + path + (query == null ? "" : "?" + query));
            validate("request " + method + " " + path, validator.validateRequest(request(exchange, method, path, query, body)));

            Answer answer = answer(exchange, method, path, query, body);
            String responseBody = answer.body().toString();
            SimpleResponse response = SimpleResponse.Builder.status(answer.status())
                    .withContentType("application/json").withBody(responseBody).build();
            validate("response to " + method + " " + path, validator.validateResponse(path,
                    Request.Method.valueOf(method), response));

            byte[] bytes = responseBody.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private Answer answer(HttpExchange exchange, String method, String path, String query, String body)
            throws IOException {
        if (!("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            return error(401, 16, "invalid session: token signature is invalid");
        }
        String rest = path.startsWith(PREFIX) ? path.substring(PREFIX.length()) : "";
        boolean sync = rest.endsWith("/sync");
        String name = sync ? rest.substring(0, rest.length() - "/sync".length()) : rest;
        ObjectNode app = apps.get(name);
        if (app == null) {
            return error(404, 5, "applications.argoproj.io \"" + name + "\" not found");
        }
        if ("GET".equals(method) && !sync) {
            if (query != null && query.contains("refresh=")) {
                app.withObjectProperty("metadata").withObjectProperty("annotations").put("argocd.argoproj.io/refresh",
                        URLDecoder.decode(query.replaceAll(".*refresh=([^&]*).*", "$1"), StandardCharsets.UTF_8));
            }
            return new Answer(200, app.deepCopy());
        }
        if ("POST".equals(method) && sync) {
            if (app.has("operation")) {
                return error(400, 9, "another operation is already in progress");
            }
            ObjectNode request = (ObjectNode) json.readTree(body);
            ObjectNode operation = app.putObject("operation");
            operation.putObject("initiatedBy").put("username", "admin");
            operation.putObject("sync").put("revision", request.path("revision").asText());
            return new Answer(200, app.deepCopy());
        }
        return error(404, 5, "Not Found");
    }

    private Answer error(int status, int grpcCode, String message) {
        ObjectNode error = json.createObjectNode();
        error.put("code", grpcCode).put("error", message).put("message", message);
        return new Answer(status, error);
    }

    private static SimpleRequest request(HttpExchange exchange, String method, String path, String query, String body) {
        SimpleRequest.Builder builder = new SimpleRequest.Builder(method, path);
        exchange.getRequestHeaders().forEach((name, values) -> builder.withHeader(name, values));
        if (query != null) {
            for (String pair : query.split("&")) {
                String[] kv = pair.split("=", 2);
                builder.withQueryParam(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        if (!body.isEmpty()) {
            builder.withBody(body);
        }
        return builder.build();
    }

    private void validate(String what, ValidationReport report) {
        List<String> errors = new ArrayList<>();
        report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .forEach(m -> errors.add(what + ": " + m.getKey() + " " + m.getMessage()));
        validationErrors.addAll(errors);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private record Answer(int status, ObjectNode body) {
    }
}
