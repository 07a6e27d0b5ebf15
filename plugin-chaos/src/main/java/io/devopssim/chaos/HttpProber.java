package io.devopssim.chaos;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/** Port for HTTP probes: the status of a GET, so that tests need no network. */
@FunctionalInterface
public interface HttpProber {
    /** @throws IOException when no answer came within {@code timeout} */
    int status(URI url, Duration timeout) throws IOException;
}
