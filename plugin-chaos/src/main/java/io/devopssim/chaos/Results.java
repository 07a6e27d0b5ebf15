package io.devopssim.chaos;

import io.devopssim.core.chaos.ChaosResult;
import io.devopssim.core.chaos.ProbePoint;
import io.devopssim.core.chaos.ProbeSeries;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Turns a finished experiment's state into its {@link ChaosResult}. */
public final class Results {
    private Results() {
    }

    /** @throws IllegalStateException when the experiment has not finished */
    public static ChaosResult of(ExperimentState s) {
        if (!s.isDone()) {
            throw new IllegalStateException("experiment " + s.experimentId() + " has not finished (" + s.phase() + ")");
        }
        List<ProbeSeries> probes = new ArrayList<>();
        s.series().forEach((name, points) -> probes.add(new ProbeSeries(name, points)));
        boolean steadyWhileFaulted = s.series().values().stream().flatMap(List::stream)
                .filter(p -> p.stage() != ProbePoint.Stage.AFTER).allMatch(ProbePoint::held);
        Duration ttr = s.recoveredAt() == null || s.faultsHaltedAt() == null
                ? null : Duration.between(s.faultsHaltedAt(), s.recoveredAt());
        boolean held = s.outcome() == ChaosResult.Outcome.COMPLETED && steadyWhileFaulted && ttr != null;
        return new ChaosResult(s.experimentId(), s.outcome(), held, ttr, budgetBurned(s.series()), probes);
    }

    /** Share of the checks during and after the faults at which at least one probe broke. */
    private static double budgetBurned(Map<String, List<ProbePoint>> series) {
        Map<Instant, Boolean> heldAt = new TreeMap<>();
        series.values().stream().flatMap(List::stream).filter(p -> p.stage() != ProbePoint.Stage.BEFORE)
                .forEach(p -> heldAt.merge(p.time(), p.held(), Boolean::logicalAnd));
        if (heldAt.isEmpty()) {
            return 0;
        }
        long broken = heldAt.values().stream().filter(h -> !h).count();
        return (double) broken / heldAt.size();
    }
}
