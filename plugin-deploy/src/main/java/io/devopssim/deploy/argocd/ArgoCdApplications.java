package io.devopssim.deploy.argocd;

/**
 * Port to Argo CD's Applications, with two implementations: the {@code Application} custom resource
 * through the Kubernetes API ({@link KubernetesArgoCdApplications}) for clusters where CI may not reach
 * the Argo CD API server, and the Argo CD REST API with a bearer token ({@link RestArgoCdApplications}).
 */
public interface ArgoCdApplications {

    /** The Application's current state. */
    ApplicationState get(String application) throws ArgoCdException;

    /**
     * Asks Argo CD to compare the Application with Git now instead of at its next poll; {@code hard}
     * also drops the cached manifests, so a commit made seconds ago is seen.
     */
    void refresh(String application, boolean hard) throws ArgoCdException;

    /** Requests a sync of the Application to {@code revision}. */
    void sync(String application, String revision) throws ArgoCdException;
}
