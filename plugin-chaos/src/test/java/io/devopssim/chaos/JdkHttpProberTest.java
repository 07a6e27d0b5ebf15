package io.devopssim.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

class JdkHttpProberTest {
    private final HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    private final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    JdkHttpProberTest() throws IOException {
        server.createContext("/healthz", x -> {
            x.sendResponseHeaders(204, -1);
            x.close();
        });
        server.createContext("/moved", x -> {
            x.getResponseHeaders().set("Location", "/healthz");
            x.sendResponseHeaders(302, -1);
            x.close();
        });
        server.createContext("/slow", x -> {
            try {
                release.await(5, TimeUnit.SECONDS); // bounded: the test releases it when done
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            x.sendResponseHeaders(200, -1);
            x.close();
        });
        server.setExecutor(threads);
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
        threads.shutdownNow();
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Test
    void shouldAnswerTheStatusAsGivenWithoutFollowingRedirects() throws Exception {
        JdkHttpProber prober = new JdkHttpProber();

        assertThat(prober.status(url("/healthz"), Duration.ofSeconds(2))).isEqualTo(204);
        assertThat(prober.status(url("/moved"), Duration.ofSeconds(2))).isEqualTo(302);
    }

    @Test
    void shouldFailWhenNoAnswerComesWithinTheTimeout() {
        assertThatThrownBy(() -> new JdkHttpProber().status(url("/slow"), Duration.ofMillis(200)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("no answer from");
    }
}
