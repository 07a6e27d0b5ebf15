package io.devopssim.multicloud;

/**
 * How devsim authenticates to a cluster's API server. Only references: a kubeconfig context name, or the id
 * of a credential that a {@link CredentialResolver} turns into the secret when a client is made. No secret is
 * ever part of a cluster's definition, so a registry can be printed, saved and compared freely.
 */
public sealed interface ClusterAuth {

    /** One line for summaries and errors. */
    String describe();

    /** A context of the kubeconfig on the machine (its server, user and CA), e.g. {@code kubectl config get-contexts}. */
    record KubeconfigContext(String context) implements ClusterAuth {
        @Override
        public String describe() {
            return "kubeconfig context " + context;
        }
    }

    /** A bearer token (service-account token, cloud IAM token) held as a credential with this id. */
    record Token(String credentialsId) implements ClusterAuth {
        @Override
        public String describe() {
            return "token from credential " + credentialsId;
        }
    }

    /** A client certificate and its private key (PEM) held as a credential with this id. */
    record ClientCertificate(String credentialsId) implements ClusterAuth {
        @Override
        public String describe() {
            return "client certificate from credential " + credentialsId;
        }
    }
}
