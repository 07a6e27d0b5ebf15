package io.devopssim.deploy.jenkins;

import hudson.Extension;
import hudson.ExtensionList;
import io.devopssim.core.gitops.GitPromoter;
import io.devopssim.core.gitops.PromoterOptions;
import io.devopssim.core.time.Clock;
import io.devopssim.core.time.ExecutorScheduler;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** Holds the controller's one {@link RolloutRuntime}, made on first use, for every deploy step and action. */
@Extension
public final class DeployRuntimeProvider {
    private volatile RolloutRuntime runtime;

    /** The controller's runtime (steps and actions reach it here, never through a static field). */
    static RolloutRuntime get() {
        return ExtensionList.lookupSingleton(DeployRuntimeProvider.class).runtime();
    }

    RolloutRuntime runtime() {
        RolloutRuntime r = runtime;
        if (r == null) {
            synchronized (this) {
                r = runtime;
                if (r == null) {
                    // one small pool for every step of this controller: no thread per waiting rollout
                    ScheduledExecutorService pool = Executors.newScheduledThreadPool(2, task -> {
                        Thread t = new Thread(task, "devsim rollout scheduler");
                        t.setDaemon(true);
                        return t;
                    });
                    r = new ControllerRuntime(new ExecutorScheduler(pool, Clock.system()), Clock.system(),
                            new GitPromoter(PromoterOptions.defaults()),
                            ExtensionList.lookup(SpecJudgeProvider.class), // live: sees judges of plugins loaded later
                            ExtensionList.lookup(ForecasterProvider.class),
                            new JenkinsDeployCredentials());
                    runtime = r;
                }
            }
        }
        return r;
    }
}
