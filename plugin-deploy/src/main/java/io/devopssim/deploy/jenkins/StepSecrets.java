package io.devopssim.deploy.jenkins;

import hudson.AbortException;
import io.devopssim.core.spec.ArgoCdSpec;
import io.devopssim.core.spec.ClusterSpec;
import io.devopssim.core.spec.RolloutSpec;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The variables a rollout spec names for its secrets ({@code cluster.tokenEnv}, {@code argocd.tokenEnv}, traffic
 * credentials): read from the build's environment ({@code withCredentials}), or, when the step names a Jenkins
 * credential for one, that credential's secret text under the variable's name. The spec still names the variable,
 * so the same spec runs from {@code devsim rollout}. Resolved at each start and resume, never serialized.
 */
final class StepSecrets {
    private StepSecrets() {
    }

    /** A credential of the step's build by id. */
    @FunctionalInterface
    interface Lookup {
        DeploySecret find(String credentialsId) throws IOException, InterruptedException;
    }

    /**
     * @param clusterCredentialsId a secret text for {@code cluster.tokenEnv}, or null
     * @param argoCdCredentialsId  a secret text for {@code argocd.tokenEnv}, or null
     * @param env                  the build's environment
     * @throws AbortException a credential for a variable the spec does not name, or one that is not a secret text
     */
    static Function<String, String> variables(RolloutSpec spec, String clusterCredentialsId, String argoCdCredentialsId,
                                              Function<String, String> env, Lookup lookup, String step)
            throws IOException, InterruptedException {
        Map<String, String> fromCredentials = new HashMap<>();
        if (clusterCredentialsId != null) {
            ClusterSpec cluster = spec.runtime().cluster();
            if (cluster == null || cluster.tokenEnv() == null) {
                throw new AbortException(step + ": clusterCredentialsId needs cluster.server and cluster.tokenEnv in the spec"
                        + " (the credential's secret text is the token of that variable)");
            }
            fromCredentials.put(cluster.tokenEnv(), token(lookup, clusterCredentialsId, "clusterCredentialsId", step));
        }
        if (argoCdCredentialsId != null) {
            ArgoCdSpec argocd = spec.runtime().argocd();
            if (argocd == null || argocd.tokenEnv() == null) {
                throw new AbortException(step + ": argoCdCredentialsId needs argocd.via rest and argocd.tokenEnv in the spec"
                        + " (the credential's secret text is the token of that variable)");
            }
            fromCredentials.put(argocd.tokenEnv(), token(lookup, argoCdCredentialsId, "argoCdCredentialsId", step));
        }
        return name -> fromCredentials.containsKey(name) ? fromCredentials.get(name) : env.apply(name);
    }

    private static String token(Lookup lookup, String id, String argument, String step) throws IOException, InterruptedException {
        DeploySecret s = lookup.find(id);
        if (s instanceof DeploySecret.Token t) {
            return t.secret();
        }
        throw new AbortException(step + ": " + argument + " " + id + " must be a secret text (a bearer token)");
    }
}
