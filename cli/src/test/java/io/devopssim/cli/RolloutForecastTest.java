package io.devopssim.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** {@code devsim rollout} with {@code setCanaryScale: {forecast: ...}}: the canary sized by the XGBoost forecaster. */
class RolloutForecastTest {
    private static final Pattern SIZED = Pattern.compile("step 1/5 setCanaryScale: the canary runs replicas for its share of a"
            + " forecast (\\d+) req/s \\(20 req/s each, \\+25%, 1\\.\\.10000\\) at 0% of requests: 0 replicas now \\(XGBoost on 7d"
            + " of request rate: \\d+ req/s at 09:05 UTC\\)");

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void shouldSizeTheCanaryFromTheXgboostForecastOfTheFleetsOwnHistory() throws Exception {
        DemoEnvironment env = DemoEnvironment.create(tmp.resolve("env.git"), tmp.resolve("seed"));
        Path spec = tmp.resolve("rollout.yaml");
        Files.writeString(spec, """
                app: checkout
                image: ghcr.io/acme/checkout:1.5.0
                steps:
                  - setCanaryScale: {forecast: {requestsPerReplica: 20}}
                  - setWeight: 10
                  - analysis: {window: 2m}
                  - setWeight: 40
                  - analysis: {window: 2m}
                analysis:
                  metrics:
                    - {metric: error_rate, max: 0.02}
                gitops:
                  repo: %s
                  file: apps/checkout/values.yaml
                  helm: image.tag
                """.formatted(env.url()));

        int code = Devsim.run(new String[]{"rollout", "-f", spec.toString(), "--state-dir", tmp.resolve("state").toString(),
                "--out", tmp.resolve("out").toString(), "--start", "2026-11-23T09:00:00Z"},
                new PrintWriter(out, true), new PrintWriter(err, true));

        String o = out.toString();
        assertThat(code).as(o + err).isZero();
        Matcher sized = SIZED.matcher(o);
        assertThat(sized.find()).as(o).isTrue();
        // 200 req/s swinging +-20 % a day: ~228 req/s at 09:05 UTC
        assertThat(Double.parseDouble(sized.group(1))).isCloseTo(228, within(228 * 0.08));
        assertThat(o).contains("=> PROMOTED");
    }
}
