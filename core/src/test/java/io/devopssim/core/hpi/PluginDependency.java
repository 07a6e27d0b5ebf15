package io.devopssim.core.hpi;

import java.util.ArrayList;
import java.util.List;

/** One entry of a Plugin-Dependencies manifest attribute: {@code shortName:version[;resolution:=optional]}. */
public record PluginDependency(String shortName, String version, boolean optional) {

    static final String OPTIONAL = ";resolution:=optional";

    static List<PluginDependency> parseList(String attribute) {
        List<PluginDependency> dependencies = new ArrayList<>();
        for (String entry : attribute.split(",")) {
            String trimmed = entry.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            boolean optional = trimmed.endsWith(OPTIONAL);
            String nameAndVersion = optional ? trimmed.substring(0, trimmed.length() - OPTIONAL.length()) : trimmed;
            int colon = nameAndVersion.indexOf(':');
            if (colon <= 0 || colon == nameAndVersion.length() - 1) {
                throw new IllegalArgumentException("not shortName:version: '" + trimmed + "'");
            }
            dependencies.add(new PluginDependency(nameAndVersion.substring(0, colon), nameAndVersion.substring(colon + 1), optional));
        }
        return dependencies;
    }
}
