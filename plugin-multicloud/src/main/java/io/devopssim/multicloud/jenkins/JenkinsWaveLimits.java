package io.devopssim.multicloud.jenkins;

import io.devopssim.core.spec.JudgeKind;
import io.devopssim.core.spec.StepSpec;
import io.devopssim.multicloud.Wave;
import io.devopssim.multicloud.WavePlan;

import java.util.ArrayList;
import java.util.List;

/**
 * What a wave plan may ask of {@code multiCloudRollout} today, checked before anything happens, each refusal with its
 * reason. Waiting for approval ({@code pause: {}}, blue-green {@code autoPromotionEnabled: false}) is allowed: the
 * build page approves or aborts the paused wave ({@link WaveApprovalAction}). Refused:
 * <ul>
 *   <li>chaos steps: they need plugin-chaos's engine, and devsim-multicloud does not depend on devsim-chaos, so the
 *   clusters' rollouts have no chaos engine here ({@code devsim waves} runs them);</li>
 *   <li>judges other than threshold.</li>
 * </ul>
 */
final class JenkinsWaveLimits {
    private JenkinsWaveLimits() {
    }

    /** Every reason the plan cannot run in Jenkins, empty when it can. */
    static List<String> refusals(WavePlan plan) {
        List<String> refusals = new ArrayList<>();
        for (int w = 0; w < plan.waves().size(); w++) {
            Wave wave = plan.waves().get(w);
            String at = "waves[" + w + "] (" + wave.name() + ")";
            if (wave.analysis().judge() != JudgeKind.THRESHOLD) {
                refusals.add(at + ": analysis.judge other than threshold is not available in multiCloudRollout yet");
            }
            for (int i = 0; i < wave.steps().size(); i++) {
                StepSpec step = wave.steps().get(i);
                if (step instanceof StepSpec.Chaos) {
                    refusals.add(at + ".steps[" + i + "].chaos: chaos steps in a wave are not available in multiCloudRollout"
                            + " (devsim-multicloud has no chaos engine: it does not depend on devsim-chaos); run the"
                            + " experiment with chaosExperiment beside the wave, or the plan with devsim waves");
                }
            }
        }
        return refusals;
    }
}
