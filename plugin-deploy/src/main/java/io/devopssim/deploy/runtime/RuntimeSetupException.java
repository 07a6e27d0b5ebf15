package io.devopssim.deploy.runtime;

/**
 * What a rollout's spec names cannot be reached or used: a variable that is not set, a kubeconfig context that
 * does not exist, a router's object that is missing. Raised before the rollout starts, so nothing was changed.
 */
public final class RuntimeSetupException extends Exception {
    private static final long serialVersionUID = 1L;

    public RuntimeSetupException(String message) {
        super(message);
    }

    public RuntimeSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
