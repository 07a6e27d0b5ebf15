package io.devopssim.views.chart;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChartTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void htmlIsTheElementTheChartTagWritesWithTheOptionEscapedInItsAttribute() throws Exception {
        ObjectNode option = json.createObjectNode();
        option.putObject("title").put("text", "p99 \"latency\" <ms> & 'errors'");
        Chart chart = new Chart("latency <p99>", 240, option);

        String html = chart.html();

        assertThat(html).startsWith("<div class=\"devsim-chart\" role=\"img\" aria-label=\"latency &lt;p99&gt;\"")
                .contains("data-devsim-height=\"240\"")
                .contains("data-devsim-chart=\"{&quot;title&quot;:{&quot;text&quot;:&quot;p99 \\&quot;latency\\&quot; &lt;ms&gt; &amp; &#39;errors&#39;&quot;}}\"")
                .endsWith("></div>")
                .doesNotContain("<ms>");
        assertThat(json.readTree(chart.optionJson())).isEqualTo(option);
    }

    @Test
    void aChartKeepsItsOwnCopyOfTheOption() {
        ObjectNode option = json.createObjectNode().put("animation", false);
        Chart chart = new Chart("t", 100, option);

        option.put("animation", true);
        chart.option().put("animation", true);

        assertThat(chart.optionJson()).isEqualTo("{\"animation\":false}");
    }

    @Test
    void aHeightOutsideReasonIsRefused() {
        ObjectNode option = json.createObjectNode();
        assertThatThrownBy(() -> new Chart("t", 0, option)).hasMessageContaining("height must be in 50..2000 px, was 0");
        assertThatThrownBy(() -> new Chart("t", 5000, option)).hasMessageContaining("was 5000");
    }
}
