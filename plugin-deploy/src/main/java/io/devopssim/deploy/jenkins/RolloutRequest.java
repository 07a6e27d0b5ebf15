package io.devopssim.deploy.jenkins;

import hudson.AbortException;

import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * A rollout step's arguments, as one immutable value handed to the execution. Ids of credentials, never secrets.
 *
 * @param specFile            workspace-relative spec file, or null
 * @param spec                inline spec, or null
 * @param rolloutId           explicit rollout id, or null
 * @param failOnRollback      whether a rollback fails the build
 * @param prometheusUrl       Prometheus (or Thanos Query) for analyses against a cluster, or null
 * @param clusterCredentialsId a secret text for the spec's {@code cluster.tokenEnv}, or null
 * @param argoCdCredentialsId  a secret text for the spec's {@code argocd.tokenEnv}, or null
 * @param historyFile         workspace-relative release history to append the finished rollout to, or null for the
 *                            build's own ({@link HistoryFiles})
 * @param canarySelector      PromQL label matchers of the canary's series in Prometheus, or null for the CLI's default
 * @param baselineSelector    PromQL label matchers of the baseline's series in Prometheus, or null for the CLI's default
 */
public record RolloutRequest(String specFile, String spec, String rolloutId, boolean failOnRollback, String prometheusUrl,
                             String clusterCredentialsId, String argoCdCredentialsId, String historyFile,
                             String canarySelector, String baselineSelector)
        implements Serializable {

    /** Runs where the spec says, with secrets from the build's environment only. */
    public RolloutRequest(String specFile, String spec, String rolloutId, boolean failOnRollback) {
        this(specFile, spec, rolloutId, failOnRollback, null, null, null, null, null, null);
    }

    /** {@code prometheusUrl} as a URI, or null; an AbortException when it is not an http(s) URL. */
    URI prometheus(String step) throws AbortException {
        if (prometheusUrl == null) {
            return null;
        }
        try {
            URI uri = new URI(prometheusUrl);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getUserInfo() == null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // the message below says what is expected
        }
        throw new AbortException(step + ": prometheusUrl must be an http(s) URL without credentials, e.g."
                + " http://prometheus.monitoring:9090/");
    }

    /**
     * An AbortException when a selector given is not label matchers in braces ({@code {app="checkout",track="canary"}}):
     * checked before any request, so that a typo never reaches Prometheus as a query that matches nothing.
     */
    void checkSelectors(String step) throws AbortException {
        checkSelector(canarySelector, "canarySelector", step);
        checkSelector(baselineSelector, "baselineSelector", step);
    }

    private static void checkSelector(String selector, String argument, String step) throws AbortException {
        if (selector == null) {
            return;
        }
        String s = selector.strip();
        if (s.length() < 3 || s.charAt(0) != '{' || s.charAt(s.length() - 1) != '}' || s.indexOf('\n') >= 0
                || s.indexOf('\r') >= 0) {
            throw new AbortException(step + ": " + argument + " must be PromQL label matchers in braces, e.g."
                    + " {app=\"checkout\",track=\"canary\"}");
        }
    }
}
