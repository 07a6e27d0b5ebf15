package io.devopssim.deploy.routing;

import io.devopssim.core.gitops.CommitInfo;
import io.devopssim.core.gitops.CommitTrailers;
import io.devopssim.core.gitops.GitCredentials;
import io.devopssim.core.gitops.PromotionException;
import io.devopssim.core.gitops.PromotionRequest;
import io.devopssim.core.gitops.PromotionResult;
import io.devopssim.core.gitops.Promoter;
import io.devopssim.core.spec.TrafficSpec;
import io.devopssim.core.traffic.TrafficRouter;
import io.devopssim.core.traffic.TrafficRoutingException;

import java.util.Objects;
import java.util.Optional;

/**
 * The weight is a value in a manifest of the environment repository (a Helm value such as
 * {@code canary.weight}, or a field of an Argo Rollouts or HTTPRoute manifest kept in Git): every change is
 * one commit, through core's promoter, that Argo CD applies. History is the audit trail of the traffic too:
 * each commit carries {@code Rollout-Id}, {@code Step: traffic-<change>} and {@code Canary-Weight} trailers.
 *
 * <ul>
 *   <li>A weight the repository already holds writes nothing (the promoter alone would record an empty
 *   commit).</li>
 *   <li>A change is committed at most once: the promoter finds a commit with the same trailers. A resumed
 *   rollout repeats its last change and finds the weight already there, so it commits nothing, and
 *   {@link #restoreCanaryWeight} writes nothing, since the repository is itself the durable record.</li>
 *   <li>{@link #canaryWeight()} reads the value back from the branch tip.</li>
 *   <li>With {@code waitForSync}, {@link #changeCanaryWeight} returns the commit that holds the weight, and
 *   the engine waits (polling, no thread held) until Argo CD is Synced and Healthy at it.</li>
 * </ul>
 * A change whose commit is in history while the branch holds another weight means someone moved the weight
 * since; the router refuses to guess and fails the change.
 */
public final class GitOpsRouter implements TrafficRouter {
    /** Prefix of the {@code Step} trailer of traffic commits, apart from the rollout's decisions. */
    public static final String STEP_PREFIX = "traffic-";

    private final Promoter promoter;
    private final TrafficSpec.GitOps target;
    private final GitCredentials credentials;
    private final String rolloutId;
    private final String app;

    /**
     * @param target      repository, branch, file and locator of the weight, and whether to wait for Argo CD
     * @param credentials for that repository (never logged)
     * @param rolloutId   the rollout whose changes these are
     * @param app         named in commit messages
     */
    public GitOpsRouter(Promoter promoter, TrafficSpec.GitOps target, GitCredentials credentials, String rolloutId,
            String app) {
        this.promoter = Objects.requireNonNull(promoter, "promoter");
        this.target = Objects.requireNonNull(target, "target");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.rolloutId = Objects.requireNonNull(rolloutId, "rolloutId");
        this.app = Objects.requireNonNull(app, "app");
    }

    /** A change without a name of its own (engines that do not name their changes) is named by its weight. */
    @Override
    public void setCanaryWeight(int percent) throws TrafficRoutingException {
        changeCanaryWeight(percent, "weight-" + percent);
    }

    @Override
    public Optional<String> changeCanaryWeight(int percent, String change) throws TrafficRoutingException {
        Weights.check(percent);
        String step = STEP_PREFIX + change;
        int current = canaryWeight();
        if (current == percent) {
            if (!target.waitForSync()) {
                return Optional.empty();
            }
            // the weight may be this very change, committed before a restart lost the state that said so:
            // then it is what Argo CD must be synced at; otherwise nothing new was committed, nothing to wait for
            return find(step).map(CommitInfo::id);
        }
        PromotionResult result;
        try {
            result = promoter.promote(new PromotionRequest(target.repoUrl(), target.branch(), target.file(),
                    target.weight(), Integer.toString(percent),
                    "Set the canary weight of " + app + " to " + percent + "% (" + change + ")",
                    CommitTrailers.traffic(rolloutId, step, percent), credentials));
        } catch (PromotionException e) {
            throw new TrafficRoutingException("could not commit canary weight " + percent + ": " + e.getMessage(), e);
        }
        if (result.alreadyCommitted()) {
            throw new TrafficRoutingException("canary weight " + percent + " (" + change + ") of rollout " + rolloutId
                    + " was committed in " + shortId(result.commitId()) + ", but " + where() + " holds " + current
                    + " now: something else changed it since; not committing it again");
        }
        return target.waitForSync() ? Optional.of(result.commitId()) : Optional.empty();
    }

    /** The repository is the durable record: nothing to put back after a restart. */
    @Override
    public void restoreCanaryWeight(int percent) {
        Weights.check(percent);
    }

    /** The weight at the tip of the branch. */
    @Override
    public int canaryWeight() throws TrafficRoutingException {
        String value;
        try {
            value = promoter.currentValue(target.repoUrl(), target.branch(), target.file(), target.weight(), credentials);
        } catch (PromotionException e) {
            throw new TrafficRoutingException("could not read the canary weight: " + e.getMessage(), e);
        }
        try {
            int weight = Integer.parseInt(value.strip());
            if (weight >= 0 && weight <= 100) {
                return weight;
            }
        } catch (NumberFormatException e) {
            // reported below with the value
        }
        throw new TrafficRoutingException(where() + " holds \"" + value + "\", not a canary weight (an integer 0..100)");
    }

    private Optional<CommitInfo> find(String step) throws TrafficRoutingException {
        try {
            return promoter.findCommit(target.repoUrl(), target.branch(), credentials, rolloutId, step);
        } catch (PromotionException e) {
            throw new TrafficRoutingException("could not read the history of the canary weight: " + e.getMessage(), e);
        }
    }

    private String where() {
        return target.file() + " " + target.weight().describe();
    }

    private static String shortId(String id) {
        return id.substring(0, Math.min(8, id.length()));
    }
}
