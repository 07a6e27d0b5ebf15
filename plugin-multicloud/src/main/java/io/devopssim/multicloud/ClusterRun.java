package io.devopssim.multicloud;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One cluster's part of a wave plan, as saved after every transition.
 *
 * @param wave            index of its wave
 * @param waveName        its wave's name
 * @param cluster         its name
 * @param cloud           its cloud, for display ({@code Amazon EKS}), as the registry had it when the plan started
 * @param region          its region, likewise
 * @param status          where it is
 * @param rolloutId       the id of its rollout (its own state, and the trailers of its commits)
 * @param rolloutStarted  whether its rollout was started (and so has state to resume or stop)
 * @param replicas        the replica count its wave sized it to, or null
 * @param replicasCommit  the commit that sized it, or null
 * @param promotionCommit the commit that promoted the release there, or null
 * @param failoverCommit  the commit that shifted its traffic away, or null
 * @param reverts         the revert commits made for it, in order: the promotion's, then the sizing's
 * @param health          its last health status (HEALTHY, UNHEALTHY, UNREACHABLE), or null before the first look
 * @param note            the last thing worth saying about it (health message, rollout outcome), or null
 * @param taken           the traffic it took from clusters that failed over, and its resizes for it
 */
public record ClusterRun(int wave, String waveName, String cluster, String cloud, String region, ClusterStatus status, String rolloutId, boolean rolloutStarted,
                         Integer replicas, String replicasCommit, String promotionCommit, String failoverCommit,
                         List<String> reverts, String health, String note, TakenTraffic taken) {
    public ClusterRun {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(status, "status");
        reverts = reverts == null ? List.of() : List.copyOf(reverts);
        taken = taken == null ? TakenTraffic.NONE : taken;
    }

    public static ClusterRun pending(int wave, String waveName, Cluster cluster, String rolloutId) {
        return new ClusterRun(wave, waveName, cluster.name(), cluster.cloud().displayName(), cluster.region(), ClusterStatus.PENDING, rolloutId, false, null, null, null, null, List.of(),
                null, null, TakenTraffic.NONE);
    }

    public ClusterRun withStatus(ClusterStatus s) {
        return new ClusterRun(wave, waveName, cluster, cloud, region, s, rolloutId, rolloutStarted, replicas, replicasCommit, promotionCommit,
                failoverCommit, reverts, health, note, taken);
    }

    public ClusterRun withNote(String n) {
        return new ClusterRun(wave, waveName, cluster, cloud, region, status, rolloutId, rolloutStarted, replicas, replicasCommit, promotionCommit,
                failoverCommit, reverts, health, n, taken);
    }

    public ClusterRun withHealth(String h, String n) {
        return new ClusterRun(wave, waveName, cluster, cloud, region, status, rolloutId, rolloutStarted, replicas, replicasCommit, promotionCommit,
                failoverCommit, reverts, h, n, taken);
    }

    public ClusterRun started() {
        return new ClusterRun(wave, waveName, cluster, cloud, region, ClusterStatus.ROLLING_OUT, rolloutId, true, replicas, replicasCommit,
                promotionCommit, failoverCommit, reverts, health, note, taken);
    }

    public ClusterRun sized(int r, String commit) {
        return new ClusterRun(wave, waveName, cluster, cloud, region, status, rolloutId, rolloutStarted, r, commit, promotionCommit, failoverCommit,
                reverts, health, note, taken);
    }

    public ClusterRun promoted(String commit) {
        return new ClusterRun(wave, waveName, cluster, cloud, region, status, rolloutId, rolloutStarted, replicas, replicasCommit, commit,
                failoverCommit, reverts, health, note, taken);
    }

    public ClusterRun failedOver(String commit) {
        return new ClusterRun(wave, waveName, cluster, cloud, region, status, rolloutId, rolloutStarted, replicas, replicasCommit, promotionCommit,
                commit, reverts, health, note, taken);
    }

    public ClusterRun reverted(String commit) {
        List<String> more = new ArrayList<>(reverts);
        more.add(commit);
        return new ClusterRun(wave, waveName, cluster, cloud, region, status, rolloutId, rolloutStarted, replicas, replicasCommit, promotionCommit,
                failoverCommit, more, health, note, taken);
    }

    public ClusterRun withTaken(TakenTraffic t) {
        return new ClusterRun(wave, waveName, cluster, cloud, region, status, rolloutId, rolloutStarted, replicas, replicasCommit,
                promotionCommit, failoverCommit, reverts, health, note, t);
    }

    /** The replica count it has now: its last resize's, else its sizing's (null when never sized). */
    public Integer currentReplicas() {
        return taken.replicas() != null ? taken.replicas() : replicas;
    }

    /**
     * The commits a rollback of this cluster reverts, in that order: its resizes (newest first, as they change the
     * line its sizing changed), the promotion, then the sizing.
     */
    public List<String> commitsToRevert() {
        List<String> commits = new ArrayList<>();
        for (int i = taken.commits().size() - 1; i >= 0; i--) {
            commits.add(taken.commits().get(i));
        }
        if (promotionCommit != null) {
            commits.add(promotionCommit);
        }
        if (replicasCommit != null) {
            commits.add(replicasCommit);
        }
        return commits;
    }
}
