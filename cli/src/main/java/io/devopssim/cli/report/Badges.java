package io.devopssim.cli.report;

import io.devopssim.views.rollout.RolloutBadge;
import io.devopssim.views.rollout.RolloutCharts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** The README badges of a report: one per app and environment, showing its latest rollout. */
final class Badges {
    private Badges() {
    }

    static RolloutBadge of(RolloutReport r) {
        OptionalDouble score = new RolloutCharts(r.events(), r.series()).decidingJudgement()
                .map(j -> OptionalDouble.of(j.score())).orElse(OptionalDouble.empty());
        return new RolloutBadge(r.app(), r.environment(), r.phase(), score);
    }

    /** By file name; a later rollout of the same app in the same environment replaces an earlier one. */
    static Map<String, RolloutBadge> latest(List<RolloutReport> rollouts) {
        Map<String, RolloutBadge> badges = new LinkedHashMap<>();
        for (RolloutReport r : rollouts) {
            RolloutBadge b = of(r);
            badges.remove(b.fileName());
            badges.put(b.fileName(), b);
        }
        return badges;
    }
}
