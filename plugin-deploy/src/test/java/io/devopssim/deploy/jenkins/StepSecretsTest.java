package io.devopssim.deploy.jenkins;

import hudson.AbortException;
import io.devopssim.core.spec.RolloutSpec;
import io.devopssim.core.spec.RolloutSpecReader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The variables a spec names for its tokens, filled from the step's credentials ids or the build's environment. */
class StepSecretsTest {
    private static final Map<String, DeploySecret> CREDENTIALS = Map.of(
            "k8s", new DeploySecret.Token("cluster-token"),
            "argo", new DeploySecret.Token("argo-token"),
            "login", new DeploySecret.UsernamePassword("deployer", "pw"));

    private final List<String> looked = new ArrayList<>();
    private final StepSecrets.Lookup lookup = id -> {
        looked.add(id);
        DeploySecret s = CREDENTIALS.get(id);
        if (s == null) {
            throw new AbortException("canaryRollout: no credential " + id + " for this build");
        }
        return s;
    };

    private static RolloutSpec spec(String runtime) throws Exception {
        return new RolloutSpecReader().read("""
                app: checkout
                image: ghcr.io/acme/checkout:1.5.0
                steps:
                  - setWeight: 20
                gitops: {repo: "file:///nowhere/env.git", file: values.yaml, helm: image.tag}
                """ + runtime);
    }

    private static final String CLUSTER_AND_ARGO = """
            traffic: {router: replicas, stableDeployment: checkout, canaryDeployment: checkout-canary, replicas: 10}
            cluster: {server: "http://127.0.0.1:1", tokenEnv: K8S_TOKEN, namespace: payments}
            argocd: {application: checkout, via: rest, server: "http://127.0.0.1:2", tokenEnv: ARGOCD_TOKEN}
            """;

    @Test
    @DisplayName("a credential's secret text is the value of the variable the spec names; the rest comes from the build")
    void shouldPutTheCredentialsUnderTheVariablesTheSpecNames() throws Exception {
        Function<String, String> env = Map.of("K8S_TOKEN", "from-env", "OTHER", "x")::get;

        Function<String, String> vars = StepSecrets.variables(spec(CLUSTER_AND_ARGO), "k8s", "argo", env, lookup, "canaryRollout");

        assertThat(vars.apply("K8S_TOKEN")).isEqualTo("cluster-token");
        assertThat(vars.apply("ARGOCD_TOKEN")).isEqualTo("argo-token");
        assertThat(vars.apply("OTHER")).isEqualTo("x");
        assertThat(looked).containsExactly("k8s", "argo");
    }

    @Test
    void shouldReadTheBuildsEnvironmentWithoutIds() throws Exception {
        Function<String, String> vars = StepSecrets.variables(spec(CLUSTER_AND_ARGO), null, null,
                Map.of("K8S_TOKEN", "from-env")::get, lookup, "canaryRollout");

        assertThat(vars.apply("K8S_TOKEN")).isEqualTo("from-env");
        assertThat(vars.apply("ARGOCD_TOKEN")).isNull();
        assertThat(looked).isEmpty();
    }

    @Test
    @DisplayName("an id for a token the spec names no variable for, or not a secret text, is refused naming the id")
    void shouldRefuseIdsThatDoNotFit() throws Exception {
        assertThatThrownBy(() -> StepSecrets.variables(spec(""), null, "argo", name -> null, lookup, "canaryRollout"))
                .isInstanceOf(AbortException.class)
                .hasMessageStartingWith("canaryRollout: argoCdCredentialsId needs argocd.via rest and argocd.tokenEnv");
        assertThatThrownBy(() -> StepSecrets.variables(spec(CLUSTER_AND_ARGO), null, "login", name -> null, lookup, "canaryRollout"))
                .isInstanceOf(AbortException.class)
                .hasMessage("canaryRollout: argoCdCredentialsId login must be a secret text (a bearer token)");
        assertThat(looked).as("the spec is checked before any lookup").containsExactly("login");
    }
}
