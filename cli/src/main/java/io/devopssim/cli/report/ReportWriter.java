package io.devopssim.cli.report;

import io.devopssim.core.state.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes {@code report.json} and a self-contained {@code report.html} (no script, no network). */
public final class ReportWriter {

    public record Written(Path json, Path html) {
    }

    public Written write(Report report, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path json = dir.resolve("report.json");
        Path html = dir.resolve("report.html");
        Json.mapper().writeValue(json.toFile(), report);
        Files.writeString(html, new HtmlReport(report).render(), StandardCharsets.UTF_8);
        return new Written(json, html);
    }
}
