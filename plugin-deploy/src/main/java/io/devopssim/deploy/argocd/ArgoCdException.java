package io.devopssim.deploy.argocd;

/** Argo CD could not be asked (transport error, refused request, unknown Application). */
public class ArgoCdException extends Exception {
    private static final long serialVersionUID = 1L;

    public ArgoCdException(String message) {
        super(message);
    }

    public ArgoCdException(String message, Throwable cause) {
        super(message, cause);
    }
}
