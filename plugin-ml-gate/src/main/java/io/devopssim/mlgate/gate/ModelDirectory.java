package io.devopssim.mlgate.gate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where a spec's {@code model:} points: a model directory (its {@code CURRENT} version is used) or one
 * version's directory. Every way it can be wrong is a {@link ModelException} that names the path, raised
 * before anything is judged.
 */
public final class ModelDirectory {
    private ModelDirectory() {
    }

    /** A loaded model and which one it is, e.g. {@code models/gate v0003}. */
    public record Opened(ModelRegistry.Stored stored, String description) {
    }

    /**
     * @param written the path as the spec wrote it
     * @param base    what a relative path is relative to
     */
    public static Opened open(String written, Path base) {
        Path path = base.resolve(written).normalize();
        String named = written + (Path.of(written).isAbsolute() ? "" : " (" + path.toAbsolutePath() + ")");
        if (!Files.isDirectory(path)) {
            throw new ModelException(named + " is not a directory: give a model directory written by devsim gate train,"
                    + " or one of its version directories");
        }
        try {
            if (Files.isRegularFile(path.resolve(ModelRegistry.MODEL)) || Files.isRegularFile(path.resolve(ModelRegistry.METADATA))) {
                ModelRegistry registry = new ModelRegistry(path.getParent() == null ? path : path.getParent());
                String version = path.getFileName().toString();
                return new Opened(registry.load(version), written + " " + version);
            }
            ModelRegistry registry = new ModelRegistry(path);
            List<String> versions = registry.versions();
            String current = registry.currentVersion().orElseThrow(() -> new ModelException(versions.isEmpty()
                    ? "holds no model: train one with devsim gate train"
                    : "has versions " + String.join(", ", versions) + " but no CURRENT: none has passed its gating yet"));
            return new Opened(registry.load(current), written + " " + current);
        } catch (ModelException e) {
            throw new ModelException("model " + named + ": " + e.getMessage(), e.getCause());
        }
    }
}
