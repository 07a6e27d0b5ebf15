package io.devopssim.cli;

import io.devopssim.chaos.ChaosRunner;
import io.devopssim.chaos.ExperimentDocument;
import io.devopssim.chaos.ExperimentEvent;
import io.devopssim.chaos.ExperimentReader;
import io.devopssim.chaos.ExperimentSpec;
import io.devopssim.chaos.ExperimentState;
import io.devopssim.chaos.FileExperimentStore;
import io.devopssim.chaos.JdkHttpProber;
import io.devopssim.chaos.sim.SimulatorBackend;
import io.devopssim.core.chaos.ChaosResult;
import io.devopssim.core.chaos.ProbePoint;
import io.devopssim.core.chaos.ProbeSeries;
import io.devopssim.core.sim.FleetSimulator;
import io.devopssim.core.spec.Durations;
import io.devopssim.core.spec.InvalidSpecException;
import io.devopssim.core.spec.SimulationSpec;
import io.devopssim.core.time.SimulatedClock;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.DoubleSummaryStatistics;
import java.util.concurrent.Callable;

/** {@code devsim chaos run -f experiment.yaml}: a chaos experiment on the embedded simulated fleet. */
@Command(name = "chaos", mixinStandardHelpOptions = true, subcommands = ChaosCommand.Run.class,
        description = "Chaos experiments against the canary of the embedded simulated fleet.")
final class ChaosCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(command.commandLine(), "Missing required subcommand (run)");
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = {"Run the experiment a spec file describes on the embedded simulated fleet (simulated time):",
                    "check the steady state, inject, check it every interval, halt, wait for recovery.",
                    "Exit code: 0 hypothesis held, 1 not held, 2 bad input."})
    static final class Run implements Callable<Integer> {
        /** The experiment ran and its hypothesis did not hold (or it could not run to the end). */
        static final int EXIT_NOT_HELD = 1;

        @Option(names = {"-f", "--file"}, required = true, description = "experiment spec (YAML)")
        Path file;

        @Option(names = "--id", description = "experiment id (default: the experiment's name); rerun with the same id to resume")
        String id;

        @Option(names = "--state-dir", defaultValue = ".devsim/state", description = "where experiment state is kept (default: ${DEFAULT-VALUE})")
        Path stateDir;

        @Option(names = "--canary-weight", defaultValue = "20", description = "canary's share of traffic in percent (default: ${DEFAULT-VALUE})")
        int canaryWeight;

        @Option(names = "--start", description = "simulated start time, ISO-8601 (default: now)")
        Instant start;

        @Spec
        CommandLine.Model.CommandSpec command;

        @Override
        public Integer call() throws Exception {
            PrintWriter o = command.commandLine().getOut();
            if (!Files.isRegularFile(file)) {
                throw new UserError("experiment file " + file + " does not exist");
            }
            if (canaryWeight < 1 || canaryWeight > 100) {
                throw new UserError("--canary-weight must be in 1..100, was " + canaryWeight);
            }
            ExperimentDocument doc;
            try {
                doc = new ExperimentReader().readDocument(file);
            } catch (InvalidSpecException e) {
                throw new UserError(file + " is not a valid experiment:\n" + e.getMessage(), e);
            }
            ExperimentSpec spec = doc.experiment();
            // the same file serves the Jenkins step; here it is a dry run, and says so rather than pretend
            if (doc.backend() != null && !doc.backend().type().equals("simulator")) {
                o.println("note: the spec's backend " + doc.backend().type() + " is for the chaosExperiment step;"
                        + " this is a dry run on the simulated fleet");
            }
            if (doc.metrics() != null) {
                o.println("note: the spec's metrics section is for the chaosExperiment step; the probes read the simulated"
                        + " fleet's metrics");
            }
            String experimentId = id != null ? id : spec.name();
            SimulatedClock clock = new SimulatedClock(start != null ? start : Instant.now());
            FleetSimulator fleet = new FleetSimulator(SimulationSpec.DEFAULT, clock);
            fleet.setCanaryWeight(canaryWeight);
            // a little history, so that the first check has a window to read
            clock.advance(spec.hypothesis().interval());
            ChaosRunner runner = new ChaosRunner(new SimulatorBackend(fleet), fleet, new JdkHttpProber(), clock,
                    new FileExperimentStore(stateDir.resolve("chaos")));

            ExperimentState s = run(runner, experimentId, spec, clock, o);
            ChaosResult result = runner.result(experimentId);
            print(result, o);
            return s.isDone() && result.hypothesisHeld() ? 0 : EXIT_NOT_HELD;
        }

        /** Advances the runner and the simulated clock to the end, printing each event once. */
        private static ExperimentState run(ChaosRunner runner, String experimentId, ExperimentSpec spec,
                                           SimulatedClock clock, PrintWriter o) throws Exception {
            ExperimentState s = runner.start(experimentId, spec);
            Instant origin = clock.now();
            int printed = 0;
            // bounded: one transition per interval over the duration and the recovery, with room to spare
            long bound = 16 + 4 * (spec.duration().plus(spec.hypothesis().recoveryTimeout())
                    .dividedBy(spec.hypothesis().interval()));
            for (long i = 0; i < bound && !s.isDone(); i++) {
                s = runner.advance(experimentId, spec);
                for (ExperimentEvent e : s.events().subList(Math.min(printed, s.events().size()), s.events().size())) {
                    o.println("[+" + Durations.format(Duration.between(origin, e.time()).abs()) + "] " + e.message());
                }
                printed = s.events().size();
                if (!s.isDone() && s.waitUntil() != null) {
                    clock.advanceTo(s.waitUntil());
                }
            }
            if (!s.isDone()) {
                runner.stop(experimentId, "the command's step limit was reached");
            }
            return s;
        }

        private static void print(ChaosResult r, PrintWriter o) {
            o.println("=> " + r.outcome() + ": hypothesis " + (r.hypothesisHeld() ? "held" : "did not hold")
                    + ", time to recover " + (r.timeToRecover() == null ? "-" : Durations.format(r.timeToRecover()))
                    + ", error budget burned " + Math.round(r.errorBudgetBurned() * 100) + "%");
            for (ProbeSeries series : r.probes()) {
                DoubleSummaryStatistics during = series.points().stream().filter(p -> p.stage() == ProbePoint.Stage.DURING)
                        .mapToDouble(ProbePoint::value).filter(v -> !Double.isNaN(v)).summaryStatistics();
                long broken = series.points().stream().filter(p -> !p.held()).count();
                o.println("   " + series.probe() + ": " + series.points().size() + " checks, " + broken + " broken"
                        + (during.getCount() == 0 ? "" : ", during the faults " + round(during.getMin()) + ".." + round(during.getMax())));
            }
        }

        private static String round(double v) {
            return String.format(java.util.Locale.ROOT, "%.4g", v);
        }
    }
}
