package io.devopssim.deploy;

import io.devopssim.core.spec.RolloutSpec;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Identifies a spec by content, so a rollout id resumed with another spec is refused. */
final class SpecDigest {
    private SpecDigest() {
    }

    /** Record toString() covers every component, in order. */
    static String of(RolloutSpec spec) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(spec.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
