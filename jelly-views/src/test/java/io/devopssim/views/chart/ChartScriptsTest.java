package io.devopssim.views.chart;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChartScriptsTest {

    @Test
    void echartsComesFirstThenTheAdjunctThatDrawsTheCharts() {
        List<String> scripts = ChartScripts.inline();

        assertThat(scripts).hasSize(2);
        assertThat(scripts.get(0)).as("ECharts 5, unpacked from Maven Central by the build")
                .contains("version=\"5.").hasSizeGreaterThan(500_000);
        assertThat(scripts.get(1)).contains("echarts.init(box, null, { renderer: \"svg\" })")
                .contains("data-devsim-chart");
        for (String script : scripts) {
            assertThat(script.toLowerCase(java.util.Locale.ROOT)).as("inlined in <script>").doesNotContain("</script");
        }
    }

    @Test
    void theAdjunctIncludesEChartsByTheAdjunctNameStaplerResolvesToTheBundledFile() {
        String charts = ChartScripts.read(ChartScripts.CHARTS);
        String firstLine = charts.lines().findFirst().orElseThrow();

        // Stapler's Adjunct: "// @include a.b.c" at the start of a line requires a/b/c.js
        assertThat(firstLine).startsWith("// @include ");
        String included = firstLine.substring("// @include ".length()).trim().replace('.', '/') + ".js";
        assertThat(included).isEqualTo(ChartScripts.ECHARTS);
        assertThat(ChartScripts.ADJUNCT.replace('.', '/') + ".js").isEqualTo(ChartScripts.CHARTS);
    }

    @Test
    void theTagLibraryIsWhereStaplerLooksAndLoadsTheAdjunct() throws Exception {
        ClassLoader loader = ChartScripts.class.getClassLoader();
        // Stapler: namespace "/lib/devsim" is a tag library when the resource lib/devsim/taglib exists
        assertThat(loader.getResource("lib/devsim/taglib")).isNotNull();
        try (var in = loader.getResourceAsStream("lib/devsim/chart.jelly")) {
            assertThat(in).isNotNull();
            String tag = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(tag).startsWith("<?jelly escape-by-default='true'?>")
                    .contains("<st:adjunct includes=\"" + ChartScripts.ADJUNCT + "\"/>")
                    .contains("class=\"devsim-chart\"").contains("data-devsim-chart=\"${attrs.options}\"");
        }
        assertThat(loader.getResource("io/devopssim/views/echarts/LICENSE")).as("Apache-2.0: the licence travels with it").isNotNull();
        assertThat(loader.getResource("io/devopssim/views/echarts/NOTICE")).isNotNull();
    }
}
