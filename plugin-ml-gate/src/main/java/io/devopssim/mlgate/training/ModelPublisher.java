package io.devopssim.mlgate.training;

import io.devopssim.core.gitops.CommitTrailers;
import io.devopssim.core.gitops.FilesCommitRequest;
import io.devopssim.core.gitops.GitPromoter;
import io.devopssim.core.gitops.PromotionException;
import io.devopssim.core.gitops.PromotionResult;
import io.devopssim.mlgate.gate.ModelMetadata;
import io.devopssim.mlgate.gate.ModelRegistry;
import io.devopssim.mlgate.gate.PromotionDecision;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Commits a promoted model to a Git repository laid out like a model directory, in one commit: the
 * version's files and {@code CURRENT}. The commit is a compare-and-swap on the model: it is refused when the
 * repository's {@code CURRENT} names another model than the one the new model was compared with (another
 * training promoted one meanwhile), or when the version already exists there. Retried pushes and repeated
 * publications find the commit by its trailers and make no second one.
 */
public final class ModelPublisher {
    static final String ROLLOUT_ID_PREFIX = "gate-model-";

    private final GitPromoter git;

    public ModelPublisher(GitPromoter git) {
        this.git = git;
    }

    /**
     * @param comparedWith the version current when the candidate was gated, or null when there was none
     * @return the commit
     */
    public PromotionResult publish(ModelGitTarget target, ModelRegistry registry, String version, String comparedWith,
                                   PromotionDecision decision) throws PromotionException {
        Path versionDir = registry.dir().resolve(version);
        Map<String, byte[]> files = new LinkedHashMap<>();
        try {
            files.put(target.file(version + "/" + ModelRegistry.MODEL), Files.readAllBytes(versionDir.resolve(ModelRegistry.MODEL)));
            files.put(target.file(version + "/" + ModelRegistry.METADATA), Files.readAllBytes(versionDir.resolve(ModelRegistry.METADATA)));
        } catch (IOException e) {
            throw new PromotionException("cannot read model " + version + " from " + registry.dir() + ": " + e.getMessage(), e);
        }
        files.put(target.file(ModelRegistry.CURRENT), (version + "\n").getBytes(StandardCharsets.UTF_8));
        ModelMetadata m = registry.metadata(version);
        FilesCommitRequest.TipCheck check = tip -> {
            byte[] current = tip.read(target.file(ModelRegistry.CURRENT));
            String remote = current == null ? null : new String(current, StandardCharsets.UTF_8).trim();
            if (remote != null && !remote.equals(comparedWith)) {
                throw new PromotionException("the repository's current model is " + remote + ", not "
                        + (comparedWith == null ? "none" : comparedWith) + " that " + version
                        + " was compared with: another training promoted a model meanwhile; train again on its model directory");
            }
            if (tip.read(target.file(version + "/" + ModelRegistry.METADATA)) != null) {
                throw new PromotionException(target.file(version) + " already exists in the repository with another model:"
                        + " the model directory is behind the repository; update it and train again");
            }
        };
        String summary = "Gate model " + version + (comparedWith == null ? ": the first current model" : ": replaces " + comparedWith);
        String body = decision.reason() + "\n\nFeature schema: " + m.schemaVersion() + "\nTraining data: " + m.dataHash()
                + " (" + m.examples() + " examples, " + m.badExamples() + " bad)\nHeld back: " + m.heldOutHash();
        // the model's own bytes identify the commit: publishing the same model again finds it
        byte[] model = files.get(target.file(version + "/" + ModelRegistry.MODEL));
        CommitTrailers trailers = new CommitTrailers(ROLLOUT_ID_PREFIX + shortHash(m.dataHash()),
                "model-" + version + "-" + sha256(model).substring(0, 12), null, null);
        return git.commitFiles(new FilesCommitRequest(target.repoUrl(), target.branch(), files, check, summary, body,
                trailers, target.credentials()));
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static String shortHash(String hash) {
        String hex = hash == null ? "none" : hash.substring(hash.indexOf(':') + 1);
        return hex.substring(0, Math.min(16, hex.length()));
    }
}
