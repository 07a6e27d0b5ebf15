package io.devopssim.deploy.routing;

import io.devopssim.core.gitops.CommitInfo;
import io.devopssim.core.gitops.CommitTrailers;
import io.devopssim.core.gitops.GitCredentials;
import io.devopssim.core.gitops.PromotionException;
import io.devopssim.core.gitops.PromotionResult;
import io.devopssim.core.gitops.Promoter;
import io.devopssim.core.gitops.RevertRequest;
import io.devopssim.core.gitops.ValueChange;
import io.devopssim.core.gitops.ValueLocator;
import io.devopssim.core.gitops.ValuesPromotionRequest;
import io.devopssim.core.spec.TrafficSpec;
import io.devopssim.core.traffic.TrafficChange;
import io.devopssim.core.traffic.TrafficRouter;
import io.devopssim.core.traffic.TrafficRoutingException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The weight is a value in a manifest of the environment repository (a Helm value such as
 * {@code canary.weight}, or a field of an Argo Rollouts or HTTPRoute manifest kept in Git): every change is
 * one commit, through core's promoter, that Argo CD applies. History is the audit trail of the traffic too:
 * each commit carries {@code Rollout-Id}, {@code Step: traffic-<change>}, {@code Strategy}, {@code Canary-Weight}
 * (and {@code Stable-Weight}, {@code Batch} when they apply) trailers.
 *
 * <ul>
 *   <li>With {@code stableWeight} (an HTTPRoute in Git) both backends' weights change in one commit, one edit of
 *   the file, so no revision of the repository routes to a total other than 100.</li>
 *   <li>A weight the repository already holds writes nothing (the promoter alone would record an empty
 *   commit).</li>
 *   <li>A change is committed at most once: the promoter finds a commit with the same trailers. A resumed
 *   rollout repeats its last change and finds the weight already there, so it commits nothing, and
 *   {@link #restoreCanaryWeight} writes nothing, since the repository is itself the durable record.</li>
 *   <li>{@link #takeBack} reverts the rollout's own traffic commits, newest first, until the branch holds the
 *   weight asked for; each revert carries {@code Step: traffic-revert-<change>}, so a resumed rollback reverts
 *   nothing twice. A revert that conflicts (someone changed the lines since) gives way to a plain commit of the
 *   weight: in a rollback, traffic back comes first.</li>
 *   <li>{@link #canaryWeight()} reads the value back from the branch tip.</li>
 *   <li>With {@code waitForSync}, a change returns the commit that holds the weight, and the engine waits
 *   (polling, no thread held) until Argo CD is Synced and Healthy at it.</li>
 * </ul>
 * A change whose commit is in history while the branch holds another weight means someone moved the weight
 * since; the router refuses to guess and fails the change.
 */
public final class GitOpsRouter implements TrafficRouter {
    /** Prefix of the {@code Step} trailer of traffic commits, apart from the rollout's decisions. */
    public static final String STEP_PREFIX = "traffic-";
    /** Prefix of the {@code Step} trailer of a revert of a traffic commit: {@code traffic-revert-step-3}. */
    public static final String REVERT_PREFIX = STEP_PREFIX + "revert-";
    /** How far back the branch is searched for the rollout's traffic commits when taking traffic back. */
    static final int HISTORY_DEPTH = 1000;

    private final Promoter promoter;
    private final TrafficSpec.GitOps target;
    private final GitCredentials credentials;
    private final String rolloutId;
    private final String app;

    /**
     * @param target      repository, branch, file and locators of the weights, and whether to wait for Argo CD
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
        changeCanaryWeight(new TrafficChange("weight-" + Weights.check(percent), percent, null));
    }

    @Override
    public Optional<String> changeCanaryWeight(TrafficChange change) throws TrafficRoutingException {
        int percent = Weights.check(change.percent());
        String step = STEP_PREFIX + change.name();
        Held held = held();
        if (held.is(percent)) {
            if (!target.waitForSync()) {
                return Optional.empty();
            }
            // the weight may be this very change, committed before a restart lost the state that said so:
            // then it is what Argo CD must be synced at; otherwise nothing new was committed, nothing to wait for
            return find(step).map(CommitInfo::id);
        }
        PromotionResult result = commit(change, step, percent);
        if (result.alreadyCommitted()) {
            throw new TrafficRoutingException("canary weight " + percent + " (" + change.name() + ") of rollout " + rolloutId
                    + " was committed in " + shortId(result.commitId()) + ", but " + where() + " holds " + held + " now:"
                    + " something else changed it since; not committing it again");
        }
        return target.waitForSync() ? Optional.of(result.commitId()) : Optional.empty();
    }

    @Override
    public Optional<String> takeBack(TrafficChange change) throws TrafficRoutingException {
        int percent = Weights.check(change.percent());
        List<CommitInfo> mine = trafficCommits();
        Held held = held();
        String last = null;
        for (CommitInfo c : inEffect(mine)) {
            if (held.is(percent)) {
                break;
            }
            try {
                last = revert(c, change, mine).commitId();
            } catch (PromotionException e) {
                // a later commit changed the same lines: the weight goes back by a commit of its own instead
                return changeCanaryWeight(change);
            }
            held = held();
        }
        if (!held.is(percent)) {
            // every change of the rollout is undone and the branch holds another weight (it did before the
            // rollout, or someone moved it): the weight is set as a change of its own
            return changeCanaryWeight(change);
        }
        if (!target.waitForSync()) {
            return Optional.empty();
        }
        // after a restart nothing is reverted again: the newest traffic commit is what holds the weight now
        return last != null ? Optional.of(last) : mine.stream().findFirst().map(CommitInfo::id);
    }

    /** The repository is the durable record: nothing to put back after a restart. */
    @Override
    public void restoreCanaryWeight(int percent) {
        Weights.check(percent);
    }

    /** The weight at the tip of the branch. */
    @Override
    public int canaryWeight() throws TrafficRoutingException {
        return held().canary();
    }

    private PromotionResult commit(TrafficChange change, String step, int percent) throws TrafficRoutingException {
        List<ValueChange> values = new ArrayList<>();
        values.add(new ValueChange(target.weight(), Integer.toString(percent)));
        if (target.stableWeight() != null) {
            values.add(new ValueChange(target.stableWeight(), Integer.toString(100 - percent)));
        }
        CommitTrailers trailers = CommitTrailers.traffic(rolloutId, step, new CommitTrailers.Traffic(change.strategy(),
                percent, target.stableWeight() == null ? null : 100 - percent, change.batch()));
        try {
            return promoter.promoteValues(new ValuesPromotionRequest(target.repoUrl(), target.branch(), target.file(),
                    values, "Set the canary weight of " + app + " to " + percent + "% (" + change.name() + ")", trailers,
                    credentials));
        } catch (PromotionException e) {
            throw new TrafficRoutingException("could not commit canary weight " + percent + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reverts one traffic commit. Its weight (and batch) after are those the rollout's next older change set, when
     * there is one; before the rollout's first change the router never read the weight, so that revert does not
     * say it.
     */
    private PromotionResult revert(CommitInfo c, TrafficChange change, List<CommitInfo> mine) throws PromotionException {
        String changed = c.step().substring(STEP_PREFIX.length());
        List<CommitInfo> effective = inEffect(mine);
        int i = effective.indexOf(c);
        CommitInfo older = i + 1 < effective.size() ? effective.get(i + 1) : null;
        Integer after = older == null ? null : weightTrailer(older);
        CommitTrailers trailers = CommitTrailers.traffic(rolloutId, REVERT_PREFIX + changed, new CommitTrailers.Traffic(
                change.strategy(), after, after == null || target.stableWeight() == null ? null : 100 - after,
                older == null ? null : older.trailers().get(CommitTrailers.BATCH)));
        return promoter.revert(new RevertRequest(target.repoUrl(), target.branch(), c.id(), "Take back the canary weight of "
                + app + " " + c.trailers().getOrDefault(CommitTrailers.CANARY_WEIGHT, "?") + "% (" + changed + ", "
                + change.name() + ")", trailers, credentials));
    }

    /** This rollout's traffic commits (changes and reverts), newest first. */
    private List<CommitInfo> trafficCommits() throws TrafficRoutingException {
        try {
            return promoter.log(target.repoUrl(), target.branch(), credentials, HISTORY_DEPTH).stream()
                    .filter(c -> rolloutId.equals(c.rolloutId()) && c.step() != null && c.step().startsWith(STEP_PREFIX))
                    .toList();
        } catch (PromotionException e) {
            throw new TrafficRoutingException("could not read the history of the canary weight: " + e.getMessage(), e);
        }
    }

    /** The changes (not reverts) no revert took back yet, newest first. */
    private static List<CommitInfo> inEffect(List<CommitInfo> mine) {
        Set<String> reverted = new HashSet<>();
        for (CommitInfo c : mine) {
            if (c.step().startsWith(REVERT_PREFIX)) {
                reverted.add(STEP_PREFIX + c.step().substring(REVERT_PREFIX.length()));
            }
        }
        return mine.stream().filter(c -> !c.step().startsWith(REVERT_PREFIX) && !reverted.contains(c.step())).toList();
    }

    private static Integer weightTrailer(CommitInfo c) {
        String w = c.trailers().get(CommitTrailers.CANARY_WEIGHT);
        try {
            return w == null ? null : Integer.valueOf(w);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The weights at the tip of the branch, read from one fetch. */
    private Held held() throws TrafficRoutingException {
        List<ValueLocator> locators = target.stableWeight() == null ? List.of(target.weight())
                : List.of(target.weight(), target.stableWeight());
        List<String> values;
        try {
            values = promoter.currentValues(target.repoUrl(), target.branch(), target.file(), locators, credentials);
        } catch (PromotionException e) {
            throw new TrafficRoutingException("could not read the canary weight: " + e.getMessage(), e);
        }
        int canary = parse(values.get(0), target.weight(), "canary");
        return new Held(canary, values.size() > 1 ? parse(values.get(1), target.stableWeight(), "stable") : null);
    }

    private int parse(String value, ValueLocator where, String whose) throws TrafficRoutingException {
        try {
            int weight = Integer.parseInt(value.strip());
            if (weight >= 0 && weight <= 100) {
                return weight;
            }
        } catch (NumberFormatException e) {
            // reported below with the value
        }
        throw new TrafficRoutingException(target.file() + " " + where.describe() + " holds \"" + value
                + "\", not a " + whose + " weight (an integer 0..100)");
    }

    private Optional<CommitInfo> find(String step) throws TrafficRoutingException {
        try {
            return promoter.findCommit(target.repoUrl(), target.branch(), credentials, rolloutId, step);
        } catch (PromotionException e) {
            throw new TrafficRoutingException("could not read the history of the canary weight: " + e.getMessage(), e);
        }
    }

    private String where() {
        return target.file() + " " + target.weight().describe()
                + (target.stableWeight() == null ? "" : " and " + target.stableWeight().describe());
    }

    private static String shortId(String id) {
        return id.substring(0, Math.min(8, id.length()));
    }

    /** The weights the branch holds: the canary's, and the stable backend's when it has its own value. */
    private record Held(int canary, Integer stable) {
        boolean is(int percent) {
            return canary == percent && (stable == null || stable == 100 - percent);
        }

        @Override
        public String toString() {
            return stable == null ? Integer.toString(canary) : canary + "/" + stable;
        }
    }
}
