package io.devopssim.multicloud;

import java.util.Objects;

/**
 * A secret that authenticates to a cluster, as a {@link CredentialResolver} hands it to the client factory.
 * Not records on purpose: {@link #toString()} never shows the secret, so a credential that ends up in a log
 * line, an exception, saved state or a debugger view reads as redacted.
 */
public sealed interface ClusterCredential {

    /** Nothing to hand over: the kubeconfig context carries its own user. */
    final class FromKubeconfig implements ClusterCredential {
        public static final FromKubeconfig INSTANCE = new FromKubeconfig();

        private FromKubeconfig() {
        }

        @Override
        public String toString() {
            return "FromKubeconfig";
        }
    }

    /** A bearer token. */
    final class Token implements ClusterCredential {
        private final String secret;

        public Token(String secret) {
            Objects.requireNonNull(secret, "secret");
            if (secret.isBlank() || secret.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
                // a header value with spaces or line breaks would be refused with the value in the message
                throw new IllegalArgumentException("a cluster token is a non-empty string of visible ASCII characters");
            }
            this.secret = secret;
        }

        /** Only the client factory calls this. */
        String secret() {
            return secret;
        }

        @Override
        public String toString() {
            return "Token[redacted]";
        }
    }

    /** A client certificate and its private key, both PEM. */
    final class ClientCertificate implements ClusterCredential {
        private final String certificatePem;
        private final String privateKeyPem;

        public ClientCertificate(String certificatePem, String privateKeyPem) {
            this.certificatePem = Objects.requireNonNull(certificatePem, "certificatePem");
            this.privateKeyPem = Objects.requireNonNull(privateKeyPem, "privateKeyPem");
        }

        /**
         * Splits one PEM bundle (what a file credential usually holds) into its certificate and its private key.
         *
         * @throws IllegalArgumentException naming what is missing, never quoting the content
         */
        public static ClientCertificate fromPemBundle(String pem) {
            String certificate = block(pem, "CERTIFICATE");
            String key = block(pem, "PRIVATE KEY");
            if (certificate == null || key == null) {
                throw new IllegalArgumentException("a client certificate credential holds a PEM certificate and a PEM private key;"
                        + (certificate == null ? " the certificate is missing" : "") + (key == null ? " the private key is missing" : ""));
            }
            return new ClientCertificate(certificate, key);
        }

        /** The first PEM block whose label ends with {@code label} (so RSA/EC/plain private keys all match). */
        private static String block(String pem, String label) {
            int at = 0;
            while (true) {
                int begin = pem.indexOf("-----BEGIN ", at);
                if (begin < 0) {
                    return null;
                }
                int labelEnd = pem.indexOf("-----", begin + 11);
                if (labelEnd < 0) {
                    return null;
                }
                String found = pem.substring(begin + 11, labelEnd);
                String end = "-----END " + found + "-----";
                int endAt = pem.indexOf(end, labelEnd);
                if (endAt < 0) {
                    return null;
                }
                if (found.endsWith(label)) {
                    return pem.substring(begin, endAt + end.length()) + "\n";
                }
                at = endAt + end.length();
            }
        }

        String certificatePem() {
            return certificatePem;
        }

        String privateKeyPem() {
            return privateKeyPem;
        }

        @Override
        public String toString() {
            return "ClientCertificate[redacted]";
        }
    }
}
