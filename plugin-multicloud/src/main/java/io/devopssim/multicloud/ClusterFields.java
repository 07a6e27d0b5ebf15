package io.devopssim.multicloud;

import java.util.List;
import java.util.Map;

/**
 * A cluster as entered, not yet checked: from a YAML registry or from the Jenkins form. Null means not given.
 * {@link ClusterValidation} turns it into a {@link Cluster} or reports every problem.
 *
 * @param kubeconfigContext             exactly one of these three says how to authenticate
 * @param tokenCredentialsId            the id of a credential holding a bearer token
 * @param clientCertificateCredentialsId the id of a credential holding a PEM client certificate and key
 */
public record ClusterFields(String name, String cloud, String region, Map<String, String> labels, String apiEndpoint,
                            String caCertificate, String kubeconfigContext, String tokenCredentialsId,
                            String clientCertificateCredentialsId, String argoCdNamespace,
                            List<String> argoCdApplications, String envPath) {
    public ClusterFields {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        argoCdApplications = argoCdApplications == null ? List.of() : List.copyOf(argoCdApplications);
    }
}
