package io.devopssim.chaos.jenkins;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import java.util.Optional;

/**
 * A Kubernetes API server's CA certificate as PEM text: checked before anything starts, and handed to fabric8 the
 * way a kubeconfig's {@code certificate-authority-data} is (base64 of the PEM, {@code Config.caCertData}).
 */
final class CaCertificates {
    private CaCertificates() {
    }

    /** Why the text is not one or more PEM certificates; empty when it is. Never repeats the text. */
    static Optional<String> problem(String pem) {
        if (pem.contains("PRIVATE KEY")) {
            // a pasted key and certificate bundle: the key is a secret and has no business here
            return Optional.of("holds a private key: give only the CA's certificate (-----BEGIN CERTIFICATE-----)");
        }
        if (!pem.contains("-----BEGIN CERTIFICATE-----")) {
            return Optional.of("is not a PEM certificate (-----BEGIN CERTIFICATE----- ... -----END CERTIFICATE-----)");
        }
        try {
            if (CertificateFactory.getInstance("X.509").generateCertificates(
                    new ByteArrayInputStream(pem.strip().getBytes(StandardCharsets.US_ASCII))).isEmpty()) {
                return Optional.of("holds no certificate");
            }
            return Optional.empty();
        } catch (CertificateException e) {
            return Optional.of("is not a readable X.509 certificate in PEM");
        }
    }

    /** For {@code ConfigBuilder.withCaCertData}: base64 of the PEM, as in a kubeconfig. */
    static String caCertData(String pem) {
        return Base64.getEncoder().encodeToString(pem.strip().getBytes(StandardCharsets.US_ASCII));
    }
}
