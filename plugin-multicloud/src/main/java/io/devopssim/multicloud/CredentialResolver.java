package io.devopssim.multicloud;

/**
 * Port: turns a cluster's {@link ClusterAuth} reference into the secret, when a client is made and not before.
 * Jenkins resolves credential ids through the credentials plugin; tests use a map.
 */
@FunctionalInterface
public interface CredentialResolver {

    /** Kubeconfig contexts need nothing; credential ids need a resolver that knows them. */
    CredentialResolver KUBECONFIG_ONLY = auth -> {
        if (auth instanceof ClusterAuth.KubeconfigContext) {
            return ClusterCredential.FromKubeconfig.INSTANCE;
        }
        throw new CredentialException("cannot read " + auth.describe() + " here: only kubeconfig contexts are available");
    };

    ClusterCredential resolve(ClusterAuth auth) throws CredentialException;

    /** The credential is missing or of the wrong kind; the message names the id, never a secret. */
    class CredentialException extends Exception {
        private static final long serialVersionUID = 1L;

        public CredentialException(String message) {
            super(message);
        }
    }
}
