package io.devopssim.multicloud;

import io.devopssim.core.spec.GitOpsSpec;
import io.devopssim.core.spec.ImageRef;
import io.devopssim.core.spec.RolloutSpec;
import io.devopssim.core.spec.SimulationSpec;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One release across clusters in ordered waves (plugin-multicloud/README.md, "Wave plan"). Read and validated by
 * {@link WavePlanReader} against a cluster registry; once constructed it is complete and valid.
 *
 * @param app            application name
 * @param image          the release
 * @param gitops         the environment repository; {@code file} is relative to each cluster's folder
 * @param traffic        where the clusters' traffic weights are, or null (then {@code shift} is not allowed)
 * @param replicas       how waves size their clusters, or null (no sizing)
 * @param failover       what a wave does with a cluster that turns unhealthy
 * @param healthInterval how often a wave looks at its clusters' health
 * @param waves          in order; the next starts only when the previous passed
 * @param simulation     the simulated clusters' fleets (devsim, dry runs), per cluster name
 */
public record WavePlan(String app, ImageRef image, GitOpsSpec gitops, TrafficWeightsSpec traffic, ReplicaSizing replicas,
                       FailoverPolicy failover, Duration healthInterval, List<Wave> waves,
                       Map<String, ClusterSimulation> simulation) {
    public static final Duration DEFAULT_HEALTH_INTERVAL = Duration.ofSeconds(30);

    public WavePlan {
        waves = List.copyOf(waves);
        simulation = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(simulation));
    }

    /** Every cluster of the plan, wave by wave. */
    public List<String> clusters() {
        return waves.stream().flatMap(w -> w.clusters().stream()).toList();
    }

    public Optional<Wave> waveOf(String cluster) {
        return waves.stream().filter(w -> w.clusters().contains(cluster)).findFirst();
    }

    /**
     * The rollout one cluster of a wave runs: the wave's steps and gate, the plan's image, promoted in the
     * cluster's own manifest ({@code <envPath>/<gitops.file>}), on the cluster's simulated fleet sized to
     * {@code replicas} when the wave sized it.
     */
    public RolloutSpec rolloutFor(Wave wave, Cluster cluster, Integer replicas) {
        GitOpsSpec g = new GitOpsSpec(gitops.repoUrl(), gitops.branch(), cluster.fileInEnvironment(gitops.file()),
                gitops.value(), gitops.credentials());
        SimulationSpec fleet = simulation.containsKey(cluster.name()) ? simulation.get(cluster.name()).fleet()
                : SimulationSpec.DEFAULT;
        if (replicas != null) {
            fleet = new SimulationSpec(fleet.seed(), Math.min(replicas, SimulationSpec.MAX_PODS), fleet.requestsPerSecond(),
                    fleet.canaryRegression());
        }
        return new RolloutSpec(app, image, wave.strategy(), wave.steps(), wave.analysis(), g, fleet, wave.blueGreen(),
                wave.rolling());
    }
}
