package io.devopssim.mlgate.training;

import io.devopssim.core.history.AnalysisWindow;
import io.devopssim.core.history.Decider;
import io.devopssim.core.history.HistoryEntry;
import io.devopssim.core.history.HistoryRead;
import io.devopssim.core.model.Judgement;
import io.devopssim.core.model.Verdict;
import io.devopssim.core.state.RolloutPhase;
import io.devopssim.mlgate.sim.SeedRange;
import io.devopssim.mlgate.sim.SimulatedRelease;
import io.devopssim.mlgate.sim.SimulatedReleases;

import java.util.List;

/**
 * Release history as finished rollouts would have written it, from simulated releases on seeds of their own
 * (apart from the bootstrap's training seeds and the bench's evaluation seeds): a faulty release rolled back
 * on a FAILED verdict, a healthy one promoted.
 */
public final class ReleaseHistories {
    public static final SeedRange SEEDS = new SeedRange(500_000_000L, 10_000);

    private ReleaseHistories() {
    }

    public static List<HistoryEntry> entries(int from, int count) {
        return SimulatedReleases.mix(new SeedRange(SEEDS.seed(from), count), count, SimulatedReleases.FaultSizes.TRAINING)
                .stream().map(ReleaseHistories::entry).toList();
    }

    public static HistoryEntry entry(SimulatedRelease r) {
        boolean bad = r.bad();
        return entry(r, bad ? RolloutPhase.ROLLED_BACK : RolloutPhase.PROMOTED, new Decider(Decider.Kind.JUDGE, "threshold"),
                bad ? Verdict.FAILED : Verdict.PASSED);
    }

    public static HistoryEntry entry(SimulatedRelease r, RolloutPhase outcome, Decider decider, Verdict verdict) {
        return new HistoryEntry(HistoryEntry.FORMAT, "checkout-" + r.seed(), "checkout", "ghcr.io/acme/checkout:" + r.seed(),
                outcome, decider, outcome == RolloutPhase.PROMOTED ? null : verdict + ": " + r.label(),
                new Judgement(verdict, verdict.promotes() ? 100 : 0, List.of(), List.of(r.label())), r.input().windowEnd(),
                AnalysisWindow.of(r.input(), 1, SimulatedReleases.CANARY_WEIGHT, SimulatedReleases.STEP));
    }

    public static NamedHistory named(String name, List<HistoryEntry> entries) {
        return new NamedHistory(name, new HistoryRead(entries, List.of()));
    }
}
