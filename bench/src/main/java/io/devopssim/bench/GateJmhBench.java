package io.devopssim.bench;

import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Statistics;

import java.util.Collection;
import java.util.Locale;

/**
 * Runs {@link GateDecisionBenchmark} under JMH with a short configuration (it finishes in a few minutes)
 * and prints a table: percentiles of single calls (SampleTime mode) and throughputs.
 *
 * <p>Arguments: {@code [forks=2] [warmupIterations=3] [measurementIterations=5] [secondsPerIteration=1]}.
 */
public final class GateJmhBench {
    private GateJmhBench() {
    }

    public static void main(String[] args) throws RunnerException {
        int forks = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int warmups = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int iterations = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        Options options = new OptionsBuilder()
                .include(GateDecisionBenchmark.class.getName() + "\\.")
                .forks(forks)
                .warmupIterations(warmups)
                .warmupTime(TimeValue.seconds(seconds))
                .measurementIterations(iterations)
                .measurementTime(TimeValue.seconds(seconds))
                .threads(1)
                .jvmArgsAppend("-Xmx512m")
                .build();
        Collection<RunResult> results = new Runner(options).run();

        System.out.printf(Locale.ROOT, "%nJMH %d forks x %d measurement iterations of %d s (after %d warm-up), one thread:%n%n",
                forks, iterations, seconds, warmups);
        System.out.println("| benchmark | mode | samples | p50 | p90 | p99 | p99.9 | max | mean ± error |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        for (RunResult run : results) {
            Result<?> r = run.getPrimaryResult();
            Statistics s = r.getStatistics();
            String name = run.getParams().getBenchmark().substring(run.getParams().getBenchmark().lastIndexOf('.') + 1);
            String mode = run.getParams().getMode().shortLabel();
            if (run.getParams().getMode() == org.openjdk.jmh.annotations.Mode.SampleTime) {
                System.out.printf(Locale.ROOT, "| %s | %s (%s) | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f ± %.1f |%n", name, mode,
                        r.getScoreUnit(), s.getN(), s.getPercentile(50), s.getPercentile(90), s.getPercentile(99),
                        s.getPercentile(99.9), s.getMax(), r.getScore(), r.getScoreError());
            } else {
                System.out.printf(Locale.ROOT, "| %s | %s (%s) | %d | | | | | | %,.0f ± %,.0f |%n", name, mode, r.getScoreUnit(),
                        s.getN(), r.getScore(), r.getScoreError());
            }
        }
    }
}
