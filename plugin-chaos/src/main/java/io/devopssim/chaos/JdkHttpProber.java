package io.devopssim.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/** HTTP probes over java.net.http; redirects are not followed (a probe checks the status it is given). */
public final class JdkHttpProber implements HttpProber {
    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @Override
    public int status(URI url, Duration timeout) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).GET().build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (HttpTimeoutException e) {
            throw new IOException("no answer from " + url + " within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while probing " + url, e);
        }
    }
}
