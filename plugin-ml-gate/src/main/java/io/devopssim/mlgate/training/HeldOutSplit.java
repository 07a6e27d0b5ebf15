package io.devopssim.mlgate.training;

import io.devopssim.mlgate.gate.TrainingExample;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * Which examples are held back from training, by a hash of their source (the rollout id, the simulator
 * seed): an example is held back or not for good. So as history grows, what a model was gated on was never
 * trained on by its successor either, and the current and the candidate model are compared on examples
 * neither has seen (as long as both were trained with the same share).
 */
public final class HeldOutSplit {
    public static final double DEFAULT_SHARE = 0.25;

    private HeldOutSplit() {
    }

    public record Split(List<TrainingExample> training, List<TrainingExample> heldOut) {
    }

    public static Split split(List<TrainingExample> examples, double share) {
        List<TrainingExample> training = new ArrayList<>();
        List<TrainingExample> heldOut = new ArrayList<>();
        for (TrainingExample e : examples) {
            (isHeldOut(e.source(), share) ? heldOut : training).add(e);
        }
        return new Split(training, heldOut);
    }

    /** SHA-256 of the source, read as a number in [0, 1), below {@code share}. */
    static boolean isHeldOut(String source, double share) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(source.getBytes(StandardCharsets.UTF_8));
            long bits = ByteBuffer.wrap(digest).getLong() >>> 11; // 53 bits
            return bits * 0x1.0p-53 < share;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
