package io.devopssim.multicloud.jenkins;

import io.devopssim.deploy.jenkins.JobApprovalPermissions;
import hudson.ExtensionList;
import hudson.model.Run;
import hudson.util.FormValidation;
import io.devopssim.deploy.RolloutException;
import io.devopssim.deploy.jenkins.DecisionAnswer;
import io.devopssim.deploy.jenkins.ApprovalPermissions;
import io.devopssim.multicloud.ClusterRun;
import io.devopssim.multicloud.PlanPhase;
import io.devopssim.multicloud.WaveRunState;
import jenkins.model.RunAction2;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Approve or abort, from the build page, a wave of the build's {@code multiCloudRollout} that waits for approval
 * (every rollout of the wave paused until approved: the plan is PAUSED). Shown on the build page
 * ({@code summary.jelly}) only while a plan is paused. One approval lets the whole wave go on
 * ({@code WaveEngine.approve}); an abort rolls the wave back by commit. The running step decides
 * ({@link WavePauses}) and runs its next transition at once. Both commands are POST only and check the permission
 * before anything else.
 */
public final class WaveApprovalAction implements RunAction2 {
    public static final String URL_NAME = "devsim-wave-approval";
    /** The answer is served at {@code <build>/devsim-wave-approval/approve}: {@code ../} is the build page. */

    private transient volatile Supplier<List<WaveSummaryAction>> plans = List::of;
    private transient volatile ApprovalPermissions permissions = ApprovalPermissions.DENY_ALL;
    private transient volatile Supplier<WavePauses> pauses = WaveApprovalAction::controllerPauses;
    private transient volatile String runUrl;

    /**
     * A plan of the build waiting for approval, as the build page shows it.
     *
     * @param clusters the paused wave's clusters, {@code do-ams3, gke-ew1}
     */
    public record Awaiting(String planId, String title, String wave, String clusters) {
    }

    @Override
    public String getIconFileName() {
        return null; // reached from the build page's summary, not the side panel
    }

    @Override
    public String getDisplayName() {
        return "Wave approval";
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
        bind(() -> r.getActions(WaveSummaryAction.class), JobApprovalPermissions.of(r), WaveApprovalAction::controllerPauses,
                r.getUrl());
    }

    /** The build's plans, who may decide, the steps that wait, and the build page (relative to Jenkins' root URL). */
    void bind(Supplier<List<WaveSummaryAction>> plans, ApprovalPermissions permissions, Supplier<WavePauses> pauses,
              String runUrl) {
        this.plans = plans;
        this.permissions = permissions;
        this.pauses = pauses;
        this.runUrl = runUrl;
    }

    private static WavePauses controllerPauses() {
        return ExtensionList.lookupSingleton(MultiCloudRolloutStep.DescriptorImpl.class).runtime().pauses();
    }

    /** The build's plans paused until approved now; read from their state files. */
    public List<Awaiting> getAwaiting() {
        List<Awaiting> awaiting = new ArrayList<>();
        for (WaveSummaryAction plan : plans.get()) {
            paused(plan).ifPresent(s -> awaiting.add(new Awaiting(plan.getPlanId(), plan.getTitle(),
                    s.waveClusters().get(0).waveName(), String.join(", ", s.waveClusters().stream().map(ClusterRun::cluster).toList()))));
        }
        return awaiting;
    }

    /** The build page, relative to Jenkins' root URL. */
    public String getRunUrl() {
        return runUrl;
    }

    /**
     * The Approve button ({@code <f:link post="true">}, so with a crumb). A user without the permission gets
     * Jenkins' 403; a plan that is not waiting, an error message.
     */
    @POST
    public FormValidation doApprove(@QueryParameter String planId) {
        return DecisionAnswer.of(() -> approve(planId));
    }

    /** The Abort button. */
    @POST
    public FormValidation doAbort(@QueryParameter String planId) {
        return DecisionAnswer.of(() -> abort(planId));
    }

    /** Lets the paused wave go on; returns the line recorded in the plan's timeline. */
    String approve(String planId) throws RolloutException {
        permissions.checkApprove();
        return waiting(planId).approve(permissions.currentUser());
    }

    /** Rolls the paused wave back; returns the line recorded in the plan's timeline. */
    String abort(String planId) throws RolloutException {
        permissions.checkAbort();
        return waiting(planId).abort("rejected by " + permissions.currentUser() + " on the build page");
    }

    /** Only a plan of this build that is paused, with its step running here; any other id is refused. */
    private WavePauses.PausedPlan waiting(String planId) throws RolloutException {
        WaveSummaryAction plan = plans.get().stream().filter(p -> p.getPlanId().equals(planId)).findFirst()
                .orElseThrow(() -> new RolloutException("no multi-cloud plan of this build is named " + planId));
        if (paused(plan).isEmpty()) {
            throw new RolloutException("plan " + planId + " is not waiting for approval");
        }
        return pauses.get().find(plan.stateDir(), planId).orElseThrow(() -> new RolloutException("the step of plan "
                + planId + " is not running on this controller yet (resuming after a restart?): try again in a moment"));
    }

    private static Optional<WaveRunState> paused(WaveSummaryAction plan) {
        try {
            return plan.state().filter(s -> s.phase() == PlanPhase.PAUSED);
        } catch (IOException e) {
            return Optional.empty(); // the summary shows why it cannot be read
        }
    }
}
