package io.devopssim.core.sim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Serves a simulator's {@code /metrics} for Prometheus to scrape, on 127.0.0.1 only: a laptop
 * simulation has no business listening on other interfaces. Uses the JDK's HTTP server, so it
 * costs no dependency.
 */
public final class MetricsHttpServer implements AutoCloseable {
    /** A literal, not "localhost": no name lookup, and never ::1 where IPv6 is preferred. */
    private static final String LOOPBACK = "127.0.0.1";

    private final HttpServer server;

    private MetricsHttpServer(HttpServer server) {
        this.server = server;
    }

    /**
     * Starts serving.
     *
     * @param port 0 for any free port
     */
    public static MetricsHttpServer start(FleetSimulator simulator, String app, int port) throws IOException {
        Objects.requireNonNull(simulator, "simulator");
        PrometheusExposition exposition = new PrometheusExposition(app);
        HttpServer server = HttpServer.create(new InetSocketAddress(LOOPBACK, port), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                if (!"/metrics".equals(exchange.getRequestURI().getPath())) {
                    respond(exchange, 404, "not found; metrics are at /metrics\n");
                } else if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                    exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                    respond(exchange, 405, "method not allowed\n");
                } else {
                    exchange.getResponseHeaders().set("Content-Type", PrometheusExposition.CONTENT_TYPE);
                    respond(exchange, 200, exposition.render(simulator.snapshot()));
                }
            }
        });
        server.start();
        return new MetricsHttpServer(server);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The scrape URL, e.g. {@code http://127.0.0.1:9464/metrics}. */
    public URI metricsUri() {
        return URI.create("http://" + LOOPBACK + ":" + port() + "/metrics");
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (!exchange.getResponseHeaders().containsKey("Content-Type")) {
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        }
        if ("HEAD".equals(exchange.getRequestMethod())) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
