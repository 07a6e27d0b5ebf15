package io.devopssim.core.metrics.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devopssim.core.metrics.StandardMetrics;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

class PromQlTemplatesTest {

    @Test
    void shouldPutTheSelectorEverywhereTheTemplateAsksForIt() {
        String query = PromQlTemplates.devsim(Duration.ofSeconds(30)).render(StandardMetrics.ERROR_RATE, "{track=\"canary\"}");

        assertThat(query).isEqualTo("sum(rate(devsim_request_errors_total{track=\"canary\"}[30s]))"
                + " / sum(rate(devsim_requests_total{track=\"canary\"}[30s]))");
    }

    @Test
    void shouldCoverEveryStandardMetric() {
        PromQlTemplates templates = PromQlTemplates.devsim(Duration.ofSeconds(30));

        assertThat(StandardMetrics.ALL).allMatch(templates::knows);
    }

    @Test
    void shouldRefuseATemplateWithoutTheSelector() {
        assertThatThrownBy(() -> new PromQlTemplates(Map.of("cpu", "avg(devsim_cpu_cores)")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cpu");
    }
}
