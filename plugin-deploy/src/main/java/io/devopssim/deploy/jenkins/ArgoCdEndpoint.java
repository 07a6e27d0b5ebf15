package io.devopssim.deploy.jenkins;

import io.devopssim.deploy.argocd.BearerToken;

import java.net.URI;

/**
 * How to reach Argo CD: its REST API at {@code server} with a token, or (server null) the Application
 * resources in {@code namespace} through the Kubernetes API of the controller's cluster configuration.
 * Built for each look from the step's arguments and environment; never stored (it holds the token).
 */
public record ArgoCdEndpoint(URI server, BearerToken token, String namespace) {

    public boolean isRest() {
        return server != null;
    }
}
