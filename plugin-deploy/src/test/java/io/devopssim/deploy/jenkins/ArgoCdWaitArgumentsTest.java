package io.devopssim.deploy.jenkins;

import hudson.AbortException;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArgoCdWaitArgumentsTest {
    private static final String REV = "2222222222222222222222222222222222222222";

    @Test
    void shouldApplyDefaultsForTheApplicationResource() throws AbortException {
        var w = ArgoCdWaitArguments.check(new ArgoCdWaitRequest("checkout-prod", REV.toUpperCase(), null, null, null, null, null,
                false), "waitForArgoCd");

        assertThat(w.namespace()).isEqualTo("argocd");
        assertThat(w.timeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(w.interval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(w.revision()).isEqualTo(REV);
        assertThat(w.server()).isNull();
    }

    @Test
    void shouldReadTheRestApiEndpoint() throws AbortException {
        var w = ArgoCdWaitArguments.check(new ArgoCdWaitRequest("checkout-prod", REV, "https://argocd.example", "ARGOCD_TOKEN",
                null, "5m", "30s", true), "waitForArgoCd");

        assertThat(w.server()).isEqualTo(URI.create("https://argocd.example"));
        assertThat(w.tokenEnv()).isEqualTo("ARGOCD_TOKEN");
        assertThat(w.sync()).isTrue();
    }

    @Test
    void shouldReportEveryProblemAtOnce() {
        assertThatThrownBy(() -> ArgoCdWaitArguments.check(new ArgoCdWaitRequest("Checkout_Prod", "abc1234",
                "https://admin:pw@argocd.example", null, "argocd", "soon", "20m", false), "waitForArgoCd"))
                .isInstanceOf(AbortException.class)
                .hasMessage("""
                        waitForArgoCd: invalid arguments:
                        application: "Checkout_Prod" is not an Application name (lowercase letters, digits, '-' and '.')
                        revision: "abc1234" is not a full commit id (40 hex digits): Argo CD reports full ids
                        server: must not carry credentials; give the token in tokenEnv
                        tokenEnv: required with server (the variable withCredentials sets to the API token)
                        namespace: only without server (the Application resource is read through Kubernetes)
                        timeout: "soon" is not a positive duration (use 30s, 2m, 1h, 500ms or PT30S)""");
    }

    @Test
    void shouldRefuseATokenWithoutServerAndAnIntervalLongerThanTheTimeout() {
        assertThatThrownBy(() -> ArgoCdWaitArguments.check(new ArgoCdWaitRequest("a", REV, null, "TOKEN", null, "1m", "2m",
                false), "waitForArgoCd"))
                .hasMessageContaining("tokenEnv: only with server")
                .hasMessageContaining("interval: 2m is longer than the timeout 1m");
        assertThatThrownBy(() -> ArgoCdWaitArguments.check(new ArgoCdWaitRequest(null, null, "ftp://x", "A", null, null, null,
                false), "waitForArgoCd"))
                .hasMessageContaining("application: required").hasMessageContaining("revision: required")
                .hasMessageContaining("server: \"ftp://x\" is not an http or https URL");
    }
}
