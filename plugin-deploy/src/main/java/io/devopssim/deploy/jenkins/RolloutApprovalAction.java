package io.devopssim.deploy.jenkins;

import hudson.model.Run;
import hudson.util.FormValidation;
import io.devopssim.core.state.FileStateStore;
import io.devopssim.deploy.RolloutControl;
import io.devopssim.deploy.RolloutException;
import io.devopssim.deploy.view.RolloutView;
import jenkins.model.RunAction2;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * Approve or abort, from the build page, a rollout of the build that paused until approved
 * ({@code pause: {}}). Shown on the build page ({@code summary.jelly}) and at {@code devsim-approval/}
 * while a rollout waits. The decision is saved in the rollout's state through {@link RolloutControl}, as
 * {@code devsim approve|abort} saves it, and the waiting step is woken to act on it. Both commands are POST
 * only and check the permission before anything else.
 */
public final class RolloutApprovalAction implements RunAction2 {
    public static final String URL_NAME = "devsim-approval";
    /** The answer is served at {@code <build>/devsim-approval/approve}: {@code ../} is the build page. */

    private transient volatile Supplier<RolloutsAction> rollouts = () -> null;
    private transient volatile ApprovalPermissions permissions = ApprovalPermissions.DENY_ALL;
    private transient volatile Supplier<RolloutRuntime> runtime = DeployRuntimeProvider::get;

    @Override
    public String getIconFileName() {
        return null; // reached from the build page's summary, not the side panel
    }

    @Override
    public String getDisplayName() {
        return "Rollout approval";
    }

    @Override
    public String getUrlName() {
        return URL_NAME;
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        bind(r);
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        bind(r);
    }

    private void bind(Run<?, ?> r) {
        bind(() -> r.getAction(RolloutsAction.class), JobApprovalPermissions.of(r), DeployRuntimeProvider::get);
    }

    /** The build's rollouts, who may decide, and the runtime that wakes the step. */
    void bind(Supplier<RolloutsAction> rollouts, ApprovalPermissions permissions, Supplier<RolloutRuntime> runtime) {
        this.rollouts = rollouts;
        this.permissions = permissions;
        this.runtime = runtime;
    }

    /** The rollouts of this build waiting for a decision now. */
    public List<RolloutView> getAwaiting() {
        RolloutsAction r = rollouts.get();
        return r == null ? List.of() : r.getView().awaitingApproval();
    }

    /** The build page, relative to Jenkins' root URL. */
    public String getRunUrl() {
        RolloutsAction r = rollouts.get();
        return r == null ? null : r.getRunUrl();
    }

    /**
     * The Approve button ({@code <f:link post="true">}, so with a crumb). A user without the permission gets
     * Jenkins' 403; a rollout that is not waiting, an error message.
     */
    @POST
    public FormValidation doApprove(@QueryParameter String rolloutId) {
        return DecisionAnswer.of(() -> approve(rolloutId));
    }

    /** The Abort button. */
    @POST
    public FormValidation doAbort(@QueryParameter String rolloutId) {
        return DecisionAnswer.of(() -> abort(rolloutId));
    }

    /**
     * Lets the paused rollout go on; returns the line recorded in its timeline. Synchronized: two people
     * deciding at once are served one after the other, and the second finds the rollout no longer waiting.
     */
    synchronized String approve(String rolloutId) throws RolloutException {
        permissions.checkApprove();
        String who = permissions.currentUser();
        Target t = target(rolloutId);
        var s = new RolloutControl(new FileStateStore(t.stateDir)).approve(rolloutId, who, runtime.get().clock().now());
        runtime.get().wakeups().wake(t.stateDir, rolloutId);
        return s.events().get(s.events().size() - 1).message();
    }

    /** Asks the rollout to restore the stable version; returns the line recorded in its timeline. */
    synchronized String abort(String rolloutId) throws RolloutException {
        permissions.checkAbort();
        String who = permissions.currentUser();
        Target t = target(rolloutId);
        var s = new RolloutControl(new FileStateStore(t.stateDir))
                .abort(rolloutId, "rejected by " + who + " on the build page", runtime.get().clock().now());
        runtime.get().wakeups().wake(t.stateDir, rolloutId);
        return s.events().get(s.events().size() - 1).message();
    }

    /** Only a rollout of this build that waits for a decision; any other id is refused, whatever it names. */
    private Target target(String rolloutId) throws RolloutException {
        RolloutsAction r = rollouts.get();
        RolloutsAction.Entry entry = r == null || rolloutId == null ? null
                : r.entry(RolloutStepExecution.STATE_DIR, rolloutId).orElse(null);
        if (entry == null) {
            throw new RolloutException("no rollout of this build is named " + rolloutId);
        }
        if (!RolloutView.of(entry.subject(), r.load(entry)).awaitingApproval()) {
            throw new RolloutException("rollout " + rolloutId + " is not waiting for approval");
        }
        return new Target(r.stateDir(entry));
    }

    private record Target(Path stateDir) {
    }
}
