package io.devopssim.cli.report;

import java.time.Instant;
import java.util.List;

/**
 * What {@code devsim} writes under its output folder as {@code report.json} and {@code report.html}.
 *
 * @param title       heading
 * @param generatedAt wall-clock time of writing
 * @param rollouts    the rollouts run
 * @param commits     the environment repository's history, newest first
 * @param success     whether the run behaved as it should
 */
public record Report(String title, Instant generatedAt, List<RolloutReport> rollouts, List<CommitLine> commits,
                     boolean success) {
    public Report {
        rollouts = List.copyOf(rollouts);
        commits = List.copyOf(commits);
    }
}
