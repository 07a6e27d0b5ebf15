package io.devopssim.deploy.routing;

import io.devopssim.core.traffic.TrafficRoutingException;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * Runs one Kubernetes API call and turns fabric8's unchecked exception into the port's checked one,
 * naming the object and the HTTP status, so a failed step reads well in a build log.
 */
final class KubernetesCalls {

    private KubernetesCalls() {
    }

    /** A Kubernetes API call that may throw fabric8's unchecked exception. */
    @FunctionalInterface
    interface Call<T> {
        T run() throws TrafficRoutingException;
    }

    static <T> T call(ResourceRef ref, String action, Call<T> call) throws TrafficRoutingException {
        try {
            return call.run();
        } catch (KubernetesClientException e) {
            throw new TrafficRoutingException("Could not " + action + " " + ref + " (HTTP " + e.getCode() + "): "
                    + firstLine(e.getMessage()), e);
        }
    }

    static TrafficRoutingException notFound(ResourceRef ref) {
        return new TrafficRoutingException(ref + " not found");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
