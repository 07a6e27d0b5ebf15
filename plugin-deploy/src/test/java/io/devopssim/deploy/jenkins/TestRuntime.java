package io.devopssim.deploy.jenkins;

import io.devopssim.core.testing.ManualScheduler;
import io.devopssim.core.gitops.GitCredentials;
import io.devopssim.core.gitops.GitPromoter;
import io.devopssim.core.gitops.PromoterOptions;
import io.devopssim.core.sim.FleetSimulator;
import io.devopssim.core.spec.RolloutSpec;
import io.devopssim.core.time.Clock;
import io.devopssim.core.time.SimulatedClock;
import io.devopssim.deploy.PreviewBench;
import io.devopssim.deploy.RolloutContext;
import io.devopssim.core.time.Scheduler;
import io.devopssim.deploy.argocd.ArgoCdApplications;
import io.devopssim.deploy.runtime.RuntimeSetupException;
import hudson.AbortException;
import org.jenkinsci.plugins.workflow.steps.StepContext;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The controller's runtime for step tests: simulated time, a manual scheduler, one fleet per rollout id
 * (the cluster outlives a controller restart), the real Git promoter, one build.
 */
final class TestRuntime implements RolloutRuntime {
    final SimulatedClock clock = new SimulatedClock(Instant.parse("2026-11-23T09:00:00Z"));
    final ManualScheduler scheduler = new ManualScheduler(clock);
    final RolloutWakeups wakeups = new RolloutWakeups();
    final TestBuild build;
    final List<FleetSimulator> fleets = new ArrayList<>();
    private final Map<String, FleetSimulator> byId = new HashMap<>();
    private final Map<String, FleetSimulator> previews = new HashMap<>();
    private final GitPromoter promoter;
    GitCredentials lastCredentials;
    RolloutSetup lastSetup;
    /** Every session a step opened, to check they are closed. */
    final List<RolloutSession> sessions = new ArrayList<>();
    /** The build's Jenkins credentials by id. */
    final Map<String, DeploySecret> credentials = new HashMap<>();
    /** Where analyses against a cluster read Prometheus. */
    RolloutWiring.MetricsSource metrics = RolloutWiring.MetricsSource.DEVSIM;
    ApprovalPermissions permissions = ApprovalPermissions.DENY_ALL;
    Function<ArgoCdEndpoint, ArgoCdApplications> argoCd = e -> {
        throw new AssertionError("this test reaches no Argo CD");
    };
    final List<ArgoCdEndpoint> argoCdEndpoints = new ArrayList<>();
    /** The judges besides thresholds, as the installed plugins' extensions would provide them. */
    final List<SpecJudgeProvider> judges = new ArrayList<>();

    TestRuntime(Path tmp) {
        build = new TestBuild(tmp.resolve("build"), this);
        promoter = new GitPromoter(PromoterOptions.defaults().withWorkRoot(tmp.resolve("git-work")));
    }

    @Override
    public Scheduler scheduler() {
        return scheduler;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public RolloutWakeups wakeups() {
        return wakeups;
    }

    @Override
    public BuildRef build(StepContext ctx) {
        return build;
    }

    @Override
    public RolloutSession open(RolloutSetup setup) throws RuntimeSetupException {
        lastCredentials = setup.git();
        lastSetup = setup;
        RolloutSession session = new RolloutWiring(clock, promoter, new SpecJudgeProviders(judges), ForecasterProviders.NONE, fleets(), metrics,
                new RolloutContext.RetryPolicy(3, Duration.ofSeconds(5))).open(setup);
        sessions.add(session);
        return session;
    }

    @Override
    public DeployCredentials credentials() {
        return (context, id, step) -> {
            DeploySecret s = credentials.get(id);
            if (s == null) {
                throw new AbortException(step + ": no credential " + id + " for this build");
            }
            return s;
        };
    }

    /** One fleet and one preview bench per rollout id: the simulated cluster outlives a controller restart. */
    private RolloutWiring.Fleets fleets() {
        return new RolloutWiring.Fleets() {
            @Override
            public FleetSimulator live(String rolloutId, RolloutSpec spec) {
                return byId.computeIfAbsent(rolloutId, id -> {
                    FleetSimulator f = new FleetSimulator(spec.simulation(), clock);
                    fleets.add(f);
                    return f;
                });
            }

            @Override
            public FleetSimulator preview(String rolloutId, RolloutSpec spec) {
                return previews.computeIfAbsent(rolloutId, id -> PreviewBench.create(spec.simulation(), clock));
            }
        };
    }

    @Override
    public GitPromoter promoter() {
        return promoter;
    }

    @Override
    public ArgoCdApplications argoCd(ArgoCdEndpoint endpoint) {
        argoCdEndpoints.add(endpoint);
        return argoCd.apply(endpoint);
    }
}
