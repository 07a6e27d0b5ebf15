package io.devopssim.views.chart;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The two scripts that draw {@link Chart}s, read from this jar: Apache ECharts (unpacked from Maven Central at
 * build time) and the chart adjunct. Jenkins serves them as the adjunct {@value #ADJUNCT}; a self-contained
 * page (devsim's HTML report) inlines {@link #inline()}, ECharts first.
 */
public final class ChartScripts {
    /** The adjunct the {@code chart} tag includes; it pulls in ECharts through its {@code @include} line. */
    public static final String ADJUNCT = "io.devopssim.views.charts";
    static final String ECHARTS = "io/devopssim/views/echarts/echarts.js";
    static final String CHARTS = "io/devopssim/views/charts.js";

    private ChartScripts() {
    }

    /** ECharts, then the adjunct that draws every chart element: the order a page must run them in. */
    public static List<String> inline() {
        return List.of(read(ECHARTS), read(CHARTS));
    }

    static String read(String resource) {
        try (InputStream in = ChartScripts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path: devsim-jelly-views was built"
                        + " without it (its build unpacks ECharts from Maven Central)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
