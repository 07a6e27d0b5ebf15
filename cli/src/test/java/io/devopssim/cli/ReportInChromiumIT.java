package io.devopssim.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report of a real {@code devsim demo} run, opened from its file in a real headless Chromium with no network:
 * every chart is drawn by ECharts, nothing is loaded from anywhere, and a screenshot is kept for people to look at
 * ({@code target/report-in-chromium/report.png}, next to the report itself).
 */
class ReportInChromiumIT {
    private static final Path DIR = Path.of("target", "report-in-chromium").toAbsolutePath();
    private static final Pattern CHART = Pattern.compile("<div class=\"devsim-chart\"[^>]*>");
    private static Path report;
    private static HeadlessChromium chromium;

    @BeforeAll
    static void runTheDemo() throws Exception {
        Files.createDirectories(DIR);
        Path demo = DIR.resolve("demo");
        StringWriter out = new StringWriter();
        int code = Devsim.run(new String[] {"demo", "--out", demo.toString()}, new PrintWriter(out, true), new PrintWriter(out, true));
        assertThat(code).as(out.toString()).isZero();
        report = demo.resolve("report.html");
        chromium = HeadlessChromium.find(Files.createDirectories(DIR.resolve("chromium")));
    }

    @Test
    @DisplayName("every chart container holds the SVG that ECharts drew from its options")
    void everyChartIsDrawnByEChartsAsSvg() throws Exception {
        String html = Files.readString(report);
        HeadlessChromium.Run run = chromium.dumpDom(report);
        String dom = run.stdout();
        Files.writeString(DIR.resolve("report.dom.html"), dom);

        String main = dom.substring(dom.indexOf("<main>"), dom.indexOf("</main>"));
        List<String> charts = chartsIn(main);
        int expected = count(html, "data-devsim-chart=\"");
        assertThat(expected).as("timeline, 3 metrics, gate, chaos; then timeline, 3 metrics, gate").isEqualTo(11);
        assertThat(charts).hasSize(expected);
        for (String chart : charts) {
            String open = chart.substring(0, chart.indexOf('>') + 1);
            assertThat(open).as("drawn, not failed: " + open).contains("data-devsim-rendered=\"svg\"").doesNotContain("data-devsim-error");
            assertThat(chart).contains("<svg");
            assertThat(count(chart, "<path")).as("lines, axes, symbols: " + open).isGreaterThanOrEqualTo(8);
            assertThat(count(chart, "<text")).as("title, legend and axis labels").isGreaterThanOrEqualTo(6);
        }
        assertThat(charts.get(0)).contains("Traffic to the release").contains("promote ").contains("gate score");
        assertThat(charts.get(4)).contains("Gate: canary as a multiple of baseline").contains("error_rate");
        assertThat(charts.get(5)).contains("Chaos checkout-1.5.0-chaos-4");
        assertThat(charts.get(6)).contains("rollback ");
        assertThat(run.consoleLines()).as("no CSP violation, script error or warning on the console").isEmpty();
    }

    @Test
    @DisplayName("the page loads nothing: a CSP forbids it and the DOM refers to nothing outside itself")
    void thePageLoadsNothingFromAnywhere() throws Exception {
        String dom = chromium.dumpDom(report).stdout();

        Matcher csp = Pattern.compile("<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\">").matcher(dom);
        assertThat(csp.find()).as("a Content-Security-Policy meta").isTrue();
        String policy = csp.group(1);
        assertThat(policy).startsWith("default-src 'none'; ").contains("img-src data:;").contains("form-action 'none'");
        String scriptSrc = policy.replaceAll(".*script-src ([^;]*);.*", "$1");
        assertThat(scriptSrc.split(" ")).as("only the two inlined scripts, by hash").hasSize(2)
                .allMatch(s -> s.matches("'sha256-[A-Za-z0-9+/]{43}='"));
        // the inlined scripts (ECharts' source mentions <img and href=) are code, not elements of the page
        String elements = dom.replaceAll("(?s)<script>.*?</script>", "<script></script>");
        assertThat(count(dom, "<script>")).isEqualTo(2);
        assertThat(elements).doesNotContainPattern("(?i)<(link|img|iframe|object|embed|audio|video|source)[\\s>]")
                .doesNotContainPattern("(?i)\\s(src|href|srcset|action|xlink:href)=\"(?!#)")
                .doesNotContainPattern("(?i)url\\((?!#)");
    }

    @Test
    @DisplayName("a screenshot of the report is saved for people to look at")
    void aScreenshotIsSaved() throws Exception {
        Path png = DIR.resolve("report.png");
        Files.deleteIfExists(png);

        chromium.screenshot(report, png, 1280, 4300);

        try (InputStream in = Files.newInputStream(png); DataInputStream data = new DataInputStream(in)) {
            byte[] signature = data.readNBytes(8);
            assertThat(signature).containsExactly(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
            data.readInt(); // IHDR length
            assertThat(new String(data.readNBytes(4), java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("IHDR");
            assertThat(data.readInt()).isEqualTo(1280);
            assertThat(data.readInt()).isEqualTo(4300);
        }
        assertThat(Files.size(png)).as("charts and text, not a blank page").isGreaterThan(150_000);
    }

    private static List<String> chartsIn(String main) {
        List<Integer> starts = new ArrayList<>();
        Matcher m = CHART.matcher(main);
        while (m.find()) {
            starts.add(m.start());
        }
        List<String> charts = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            charts.add(main.substring(starts.get(i), i + 1 < starts.size() ? starts.get(i + 1) : main.length()));
        }
        return charts;
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + what.length())) {
            n++;
        }
        return n;
    }
}
