package io.devopssim.chaos.jenkins;

import io.devopssim.core.time.Scheduler;
import hudson.AbortException;
import io.devopssim.chaos.ChaosRunner;
import io.devopssim.chaos.FileExperimentStore;
import io.devopssim.chaos.HttpProber;
import io.devopssim.chaos.gremlin.FileAttackLedger;
import io.devopssim.chaos.gremlin.GremlinBackend;
import io.devopssim.chaos.gremlin.GremlinClient;
import io.devopssim.chaos.gremlin.GremlinCredentials;
import io.devopssim.core.metrics.MetricsProvider;
import io.devopssim.core.time.Clock;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/**
 * Experiments through Gremlin's API ({@link GremlinBackend}). The API key (and the team) come from a credential,
 * looked up when the runner is made (at the start and after a restart) and kept only in the client: a secret text
 * holding the key, with the team id from the step, or a username/password whose username is the team id and whose
 * password is the key. The attack ledger lives next to the experiment's state in the build's folder. Metric probes read
 * Prometheus when the settings name it.
 */
public final class GremlinChaosRuntime implements ChaosRuntime {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** Per Prometheus request, as the deployment gate's; a slower answer is no data, so the probe does not hold. */
    private static final Duration METRICS_TIMEOUT = Duration.ofSeconds(10);

    private final Scheduler scheduler;
    private final Clock clock;
    private final BuildAccess builds;
    private final CredentialsLookup credentials;
    private final URI baseUrl;
    private final HttpProber http;

    /** @param baseUrl Gremlin's API, {@link GremlinClient#DEFAULT_BASE_URL} but in tests */
    public GremlinChaosRuntime(Scheduler scheduler, Clock clock, BuildAccess builds, CredentialsLookup credentials,
                               URI baseUrl, HttpProber http) {
        this.scheduler = scheduler;
        this.clock = clock;
        this.builds = builds;
        this.credentials = credentials;
        this.baseUrl = baseUrl;
        this.http = http;
    }

    @Override
    public Scheduler scheduler() {
        return scheduler;
    }

    @Override
    public BuildAccess builds() {
        return builds;
    }

    @Override
    public ChaosRunner runner(RunnerRequest request) throws IOException, InterruptedException {
        BackendSettings.Gremlin g = (BackendSettings.Gremlin) request.settings();
        GremlinClient client = new GremlinClient(baseUrl, credentials(g, request), TIMEOUT);
        GremlinBackend backend = new GremlinBackend(client, new FileAttackLedger(request.stateDir().resolve("gremlin")),
                g.canaryLabels(), g.appLabels());
        MetricsProvider metrics = g.metrics() != null ? g.metrics().provider(METRICS_TIMEOUT) : new NoMetrics("gremlin");
        return new ChaosRunner(backend, metrics, http, clock, new FileExperimentStore(request.stateDir()));
    }

    private GremlinCredentials credentials(BackendSettings.Gremlin g, RunnerRequest request) throws IOException, InterruptedException {
        ChaosCredential c = credentials.find(request.context(), g.credentialsId());
        String team;
        if (c instanceof ChaosCredential.FileContent) {
            throw new AbortException("chaosExperiment: credential " + g.credentialsId() + " is a secret file: use a secret text"
                    + " holding the API key, or a username/password whose username is the team id");
        }
        if (c instanceof ChaosCredential.UsernamePassword up) {
            if (g.teamId() != null && !g.teamId().equals(up.username())) {
                throw new AbortException("chaosExperiment: teamId " + g.teamId() + " differs from the team of credential "
                        + g.credentialsId() + " (its username); give one of them");
            }
            team = up.username();
        } else if (g.teamId() != null) {
            team = g.teamId();
        } else {
            throw new AbortException("chaosExperiment: credential " + g.credentialsId()
                    + " is a secret text: give the Gremlin team id as teamId, or use a username/password credential"
                    + " whose username is the team id");
        }
        if (team.isBlank() || c.secret().isBlank()) {
            throw new AbortException("chaosExperiment: credential " + g.credentialsId() + " holds an empty team id or API key");
        }
        return new GremlinCredentials(team, c.secret());
    }
}
