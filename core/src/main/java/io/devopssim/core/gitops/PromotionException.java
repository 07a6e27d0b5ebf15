package io.devopssim.core.gitops;

/** A promotion failed; the message is one clear sentence for the user, with no secret in it. */
public class PromotionException extends Exception {
    private static final long serialVersionUID = 1L;

    public PromotionException(String message) {
        super(message);
    }

    public PromotionException(String message, Throwable cause) {
        super(message, cause);
    }
}
