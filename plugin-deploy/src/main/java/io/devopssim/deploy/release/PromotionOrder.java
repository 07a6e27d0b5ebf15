package io.devopssim.deploy.release;

import io.devopssim.core.spec.GitOpsSpec;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Commit one value to one environment: {@code value} at {@code target}'s locator, as the commit of
 * rollout {@code rolloutId} (its trailers make a repeated order find the commit instead of making another).
 *
 * @param rolloutId the id the commit carries
 * @param target    repository, branch, file and locator (its credentials part names where they come from)
 * @param value     the new value, one line
 */
public record PromotionOrder(String rolloutId, GitOpsSpec target, String value) {
    public PromotionOrder {
        Objects.requireNonNull(rolloutId, "rolloutId");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(value, "value");
        if (value.isBlank() || value.contains("\n") || value.contains("\r")) {
            throw new IllegalArgumentException("the value to promote must be one non-blank line");
        }
    }

    /** Identifies what is committed (not how to log in), so that one rollout id never promotes two things. */
    String digest() {
        return Digests.of(target.repoUrl(), target.branch(), target.file(), target.value().describe(), value);
    }

    /** The first 8 characters of what identifies the order, for default rollout ids. */
    public String digestPrefix() {
        return digest().substring(0, 8);
    }

    /** A short name for the order: {@code apps/checkout/values.yaml helm image.tag = 1.5.0}. */
    public String describe() {
        return target.file() + " " + target.value().describe() + " = " + value;
    }

    /** Digests of the parts that identify an order. */
    static final class Digests {
        private Digests() {
        }

        static String of(String... parts) {
            try {
                MessageDigest d = MessageDigest.getInstance("SHA-256");
                for (String p : parts) {
                    d.update(p.getBytes(StandardCharsets.UTF_8));
                    d.update((byte) 0);
                }
                return HexFormat.of().formatHex(d.digest(), 0, 12);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every JDK", e);
            }
        }
    }
}
