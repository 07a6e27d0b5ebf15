package io.devopssim.deploy;

import io.devopssim.core.judge.AnalysisRunner;
import io.devopssim.core.judge.Judge;
import io.devopssim.core.sim.FleetSimulator;
import io.devopssim.core.spec.AnalysisSpec;

import java.util.Optional;
import java.util.function.Function;

/**
 * Analyses on the simulator: the live fleet, and a {@link PreviewBench} for blue-green previews; every
 * analysis judged by the judge its criteria name.
 *
 * @param live    the fleet users' requests reach
 * @param preview the preview bench
 * @param judges  the judge for a set of criteria (plugin-ml-gate's {@code SpecJudges::forSpec} knows them all)
 */
public record SimulatorAnalyses(FleetSimulator live, FleetSimulator preview, Function<AnalysisSpec, Judge> judges)
        implements Analyses {

    @Override
    public Optional<AnalysisRunner> runner(Target target, AnalysisSpec criteria) {
        return Optional.of(new AnalysisRunner(target == Target.PREVIEW ? preview : live, judges.apply(criteria)));
    }
}
