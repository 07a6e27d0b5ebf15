package io.devopssim.deploy.jenkins;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hudson.AbortException;
import io.devopssim.core.spec.GitOpsSpec;
import io.devopssim.core.spec.GitOpsSpecReader;
import io.devopssim.core.spec.InvalidSpecException;

/**
 * Step arguments naming a place in the environment repository, read with the rules of a rollout spec's
 * {@code gitops} section (the same checks, the same messages, every problem at once).
 */
final class GitOpsArguments {
    private GitOpsArguments() {
    }

    static GitOpsSpec read(String step, String repo, String branch, String file, String yaml, String helm,
                           String kustomizeImage, String usernameEnv, String passwordEnv, String credentialsId)
            throws AbortException {
        ObjectNode args = JsonNodeFactory.instance.objectNode();
        put(args, "repo", repo);
        put(args, "branch", branch);
        put(args, "file", file);
        put(args, "yaml", yaml);
        put(args, "helm", helm);
        put(args, "kustomizeImage", kustomizeImage);
        if (usernameEnv != null || passwordEnv != null || credentialsId != null) {
            ObjectNode c = args.putObject("credentials");
            put(c, "usernameEnv", usernameEnv);
            put(c, "passwordEnv", passwordEnv);
            put(c, "credentialsId", credentialsId);
        }
        try {
            return new GitOpsSpecReader().read(args, "");
        } catch (InvalidSpecException e) {
            throw new AbortException(step + ": invalid arguments:\n" + e.getMessage().replace("credentials.", ""));
        }
    }

    /**
     * The repository part only (repo, branch, credentials), for steps that revert commits rather than edit a
     * value. The section reader also wants a file and a locator: it is given neutral ones, which it accepts,
     * so that the rest is checked by the same rules and no copy of them is kept here.
     */
    static GitOpsSpec repository(String step, String repo, String branch, String usernameEnv, String passwordEnv,
                                 String credentialsId) throws AbortException {
        return read(step, repo, branch, "unused.yaml", null, "unused", null, usernameEnv, passwordEnv, credentialsId);
    }

    private static void put(ObjectNode node, String key, String value) {
        if (value != null) {
            node.put(key, value);
        }
    }
}
