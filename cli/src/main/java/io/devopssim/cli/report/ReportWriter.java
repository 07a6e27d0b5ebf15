package io.devopssim.cli.report;

import io.devopssim.core.state.Json;
import io.devopssim.views.chart.ChartScripts;
import io.devopssim.views.rollout.RolloutBadge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code report.json}, a self-contained {@code report.html} (charts drawn by the ECharts it inlines, no
 * network) and {@code badges/<app>-<environment>.svg}, one README badge per app and environment.
 */
public final class ReportWriter {

    public record Written(Path json, Path html, List<Path> badges) {
        public Written {
            badges = List.copyOf(badges);
        }
    }

    public Written write(Report report, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path json = dir.resolve("report.json");
        Path html = dir.resolve("report.html");
        Json.mapper().writeValue(json.toFile(), report);
        Files.writeString(html, new HtmlReport(report, ChartScripts.inline()).render(), StandardCharsets.UTF_8);
        List<Path> badges = new ArrayList<>();
        Map<String, RolloutBadge> latest = Badges.latest(report.rollouts());
        if (!latest.isEmpty()) {
            Path badgeDir = Files.createDirectories(dir.resolve("badges"));
            for (Map.Entry<String, RolloutBadge> b : latest.entrySet()) {
                Path file = badgeDir.resolve(b.getKey());
                Files.writeString(file, b.getValue().badge().svg(), StandardCharsets.UTF_8);
                badges.add(file);
            }
        }
        return new Written(json, html, badges);
    }
}
