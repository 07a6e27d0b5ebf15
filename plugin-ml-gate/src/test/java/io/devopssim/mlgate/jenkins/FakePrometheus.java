package io.devopssim.mlgate.jenkins;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Prometheus' {@code /api/v1/query_range} on 127.0.0.1, answering the devsim PromQL templates with one
 * matrix series per query over the requested range. Values are a level plus seeded noise, so the canary and
 * the baseline differ the way two healthy replicas do (no ties for Mann-Whitney to trip over), and the same
 * test always sees the same numbers.
 */
final class FakePrometheus implements AutoCloseable {
    enum Canary { HEALTHY, ERROR_REGRESSION, NO_DATA }

    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private volatile Canary canary = Canary.HEALTHY;

    FakePrometheus() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/query_range", exchange -> {
            requests.incrementAndGet();
            Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body = answer(form).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    void canary(Canary behaviour) {
        this.canary = behaviour;
    }

    int requests() {
        return requests.get();
    }

    private String answer(Map<String, String> form) {
        String query = form.get("query");
        boolean isCanary = query.contains("track=\"canary\"");
        if (isCanary && canary == Canary.NO_DATA) {
            return "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[]}}";
        }
        double level;
        double noise;
        if (query.contains("devsim_request_errors_total")) {
            level = isCanary && canary == Canary.ERROR_REGRESSION ? 0.12 : 0.005;
            noise = 0.002;
        } else if (query.contains("devsim_cpu_cores")) {
            level = 0.45;
            noise = 0.02;
        } else if (query.contains("devsim_memory_bytes")) {
            level = 256;
            noise = 2;
        } else if (query.contains("devsim_requests_total")) {
            level = isCanary ? 20 : 180; // the canary takes a tenth of the traffic, as a canary at 10% does
            noise = level * 0.03;
        } else {
            level = query.contains("0.99") ? 128 : 40;
            noise = level * 0.05;
        }
        BigDecimal start = new BigDecimal(form.get("start"));
        BigDecimal end = new BigDecimal(form.get("end"));
        BigDecimal step = new BigDecimal(form.get("step"));
        Random random = new Random(query.hashCode());
        StringBuilder values = new StringBuilder();
        for (BigDecimal t = start; t.compareTo(end) <= 0; t = t.add(step)) {
            if (values.length() > 0) {
                values.append(',');
            }
            double v = level + noise * random.nextDouble();
            values.append("[").append(t.toPlainString()).append(",\"").append(String.format(Locale.ROOT, "%.6f", v)).append("\"]");
        }
        return "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":{},\"values\":["
                + values + "]}]}}";
    }

    private static Map<String, String> form(String body) {
        Map<String, String> out = new HashMap<>();
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            out.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), kv.length == 2 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
