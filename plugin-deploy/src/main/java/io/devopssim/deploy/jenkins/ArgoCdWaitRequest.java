package io.devopssim.deploy.jenkins;

import java.io.Serializable;

/**
 * {@code waitForArgoCd}'s arguments, as given (checked by {@link ArgoCdWaitArguments}); null for what is not.
 *
 * @param application the Argo CD Application
 * @param revision    the commit it must be Synced and Healthy at (full id, e.g. what promoteRelease returns)
 * @param server      Argo CD's URL, to use its REST API; null to use the Application resource instead
 * @param tokenEnv    environment variable holding the API token (with server)
 * @param namespace   namespace of the Application resources (without server; default argocd)
 * @param timeout     how long to wait at most (default 10m)
 * @param interval    how often to look (default 10s)
 * @param sync        ask for a hard refresh and a sync first (for Applications without auto-sync)
 */
public record ArgoCdWaitRequest(String application, String revision, String server, String tokenEnv, String namespace,
                                String timeout, String interval, boolean sync) implements Serializable {
}
