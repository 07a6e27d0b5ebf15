package io.devopssim.core.hpi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a plugin's manifest must declare, read from the last section of shared/jenkins-api/versions.txt
 * ("Minimum versions to declare"): the Jenkins-Version and the oldest release of each plugin dependency.
 */
public record JenkinsBaseline(String jenkinsVersion, Map<String, String> minimumPluginVersions) {

    static final String SECTION = "== Minimum versions to declare";

    /** Reads {@code <devsim.shared.dir>/jenkins-api/versions.txt}; fails clearly when the property or file is missing. */
    public static JenkinsBaseline fromSharedDir() throws IOException {
        String shared = System.getProperty("devsim.shared.dir");
        if (shared == null || shared.isBlank()) {
            throw new IllegalStateException("system property devsim.shared.dir is not set (the root POM sets it for"
                    + " surefire and failsafe); it names the shared/ folder beside the checkout");
        }
        Path file = Path.of(shared, "jenkins-api", "versions.txt");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("versions.txt not found at " + file);
        }
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    static JenkinsBaseline parse(List<String> lines) {
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(SECTION)) {
                start = i;
            }
        }
        if (start < 0) {
            throw new IllegalArgumentException("versions.txt has no section '" + SECTION + "'");
        }
        String jenkinsVersion = null;
        Map<String, String> minimums = new LinkedHashMap<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("Jenkins-Version:")) {
                jenkinsVersion = line.substring("Jenkins-Version:".length()).trim();
            } else if (line.startsWith("Plugin-Dependencies:")) {
                for (PluginDependency dependency : PluginDependency.parseList(line.substring("Plugin-Dependencies:".length()))) {
                    minimums.put(dependency.shortName(), dependency.version());
                }
            }
        }
        if (jenkinsVersion == null || minimums.isEmpty()) {
            throw new IllegalArgumentException("section '" + SECTION + "' lacks Jenkins-Version or Plugin-Dependencies");
        }
        return new JenkinsBaseline(jenkinsVersion, Map.copyOf(minimums));
    }

    public Optional<String> minimumVersion(String plugin) {
        return Optional.ofNullable(minimumPluginVersions.get(plugin));
    }

    /** This baseline and one of our own plugins, released with the one under test and so not in versions.txt. */
    public JenkinsBaseline withPlugin(String plugin, String version) {
        Map<String, String> minimums = new LinkedHashMap<>(minimumPluginVersions);
        minimums.put(plugin, version);
        return new JenkinsBaseline(jenkinsVersion, minimums);
    }
}
