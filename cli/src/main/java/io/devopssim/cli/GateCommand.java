package io.devopssim.cli;

import io.devopssim.core.gitops.GitCredentials;
import io.devopssim.core.gitops.GitPromoter;
import io.devopssim.core.gitops.PromoterOptions;
import io.devopssim.core.history.HistoryEntry;
import io.devopssim.core.history.HistoryFormatException;
import io.devopssim.core.history.JsonLinesHistory;
import io.devopssim.core.history.Relabeller;
import io.devopssim.core.spec.CredentialsSpec;
import io.devopssim.mlgate.gate.GatingCriterion;
import io.devopssim.mlgate.gate.ModelException;
import io.devopssim.mlgate.gate.ModelMetadata;
import io.devopssim.mlgate.gate.TrainingParams;
import io.devopssim.mlgate.training.GateTraining;
import io.devopssim.mlgate.training.ModelGitTarget;
import io.devopssim.mlgate.training.NamedHistory;
import io.devopssim.mlgate.training.TrainingException;
import io.devopssim.mlgate.training.TrainingOutcome;
import io.devopssim.mlgate.training.TrainingRequest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code devsim gate train}: the deployment gate's model, trained from release history and itself gated;
 * {@code devsim gate relabel}: a person's correction of a release's label in that history.
 */
@Command(name = "gate", mixinStandardHelpOptions = true, subcommands = {GateCommand.Train.class, GateCommand.Relabel.class},
        description = "The XGBoost deployment gate's model.")
final class GateCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(command.commandLine(), "Missing required subcommand (train, relabel)");
    }

    @Command(name = "relabel", mixinStandardHelpOptions = true,
            description = {"Correct how a finished rollout is labelled for training, e.g. a rollback the model decided that was",
                    "a healthy release. Appends a relabel line to the history (nothing is rewritten; who decided and why are",
                    "kept); the latest relabel of a rollout gives its label when `devsim gate train` reads the history.",
                    "Exit code: 0 recorded, 2 bad input (unknown rollout, outcome other than good/bad; nothing written)."})
    static final class Relabel implements Callable<Integer> {
        @Option(names = "--history", required = true, paramLabel = "<file>", description = "the history.jsonl that holds the rollout")
        Path history;

        @Option(names = "--rollout", required = true, paramLabel = "<id>", description = "the rollout's id, as in the history")
        String rollout;

        @Option(names = "--outcome", required = true, paramLabel = "good|bad", description = "what the release was")
        String outcome;

        @Option(names = "--by", required = true, paramLabel = "<name>", description = "who decided")
        String by;

        @Option(names = "--reason", required = true, paramLabel = "<text>", description = "why")
        String reason;

        @Spec
        CommandLine.Model.CommandSpec command;

        @Override
        public Integer call() throws IOException {
            if (!Files.isRegularFile(history)) {
                throw new UserError("history " + history + " does not exist (a rollout's history is <state-dir>/history.jsonl)");
            }
            io.devopssim.core.history.Relabel relabel;
            HistoryEntry entry;
            try {
                relabel = io.devopssim.core.history.Relabel.of(rollout, io.devopssim.core.history.Relabel.Label.parse(outcome),
                        by, reason, Instant.now());
                entry = new Relabeller(new JsonLinesHistory(history)).relabel(relabel);
            } catch (IllegalArgumentException e) {
                throw new UserError(history + ": " + e.getMessage(), e);
            } catch (HistoryFormatException e) {
                throw new UserError(e.getMessage(), e);
            }
            command.commandLine().getOut().println("Relabelled " + rollout + " as " + relabel.label().name().toLowerCase(Locale.ROOT)
                    + " by " + by + " (it " + entry.outcome() + ", decided by " + entry.decidedBy() + "): " + reason);
            return 0;
        }
    }

    @Command(name = "train", mixinStandardHelpOptions = true,
            description = {"Train the gate's XGBoost model from release history (each finished devsim rollout appends to",
                    "<state-dir>/history.jsonl) and, to bootstrap, simulated releases. The model is stored as a new version",
                    "of the model directory and becomes current only if it is not worse than the current one on examples",
                    "held back from both: its recall at the false-rollback rate may not fall more than the tolerance.",
                    "Exit code: 0 the new model is current, 1 it stays unused (worse), 2 bad input, 3 failed (nothing changed)."})
    static final class Train implements Callable<Integer> {
        /** Trained, but worse than the current model: it stays unused. */
        static final int EXIT_NOT_PROMOTED = 1;
        /** Could not finish (the Git repository refused the model, a file could not be written): nothing changed. */
        static final int EXIT_FAILED = 3;

        @Option(names = "--history", paramLabel = "<file|dir>",
                description = "release history: a history.jsonl file, or a directory whose *.jsonl files are read; repeatable")
        List<Path> history = new ArrayList<>();

        @Option(names = "--model-dir", required = true, description = "the model directory (versions v0001..., CURRENT)")
        Path modelDir;

        @Option(names = "--simulated", defaultValue = "0", paramLabel = "N",
                description = "add N simulated releases (half healthy, half faulty) to bootstrap before there is history (default: ${DEFAULT-VALUE})")
        int simulated;

        @Option(names = "--false-rollback-rate", defaultValue = "0.01",
                description = "share of healthy releases the gate may roll back, where recall is compared (default: ${DEFAULT-VALUE})")
        double falseRollbackRate;

        @Option(names = "--tolerance", defaultValue = "0.02",
                description = "recall the new model may lose and still count as not worse (default: ${DEFAULT-VALUE})")
        double tolerance;

        @Option(names = "--held-out", defaultValue = "0.25",
                description = "share of examples held back from training to compare the models on (default: ${DEFAULT-VALUE})")
        double heldOut;

        @Option(names = "--rounds", defaultValue = "60", description = "boosting rounds (default: ${DEFAULT-VALUE})")
        int rounds;

        @Option(names = "--max-depth", defaultValue = "3", description = "depth of each tree (default: ${DEFAULT-VALUE})")
        int maxDepth;

        @Option(names = "--replace-incompatible",
                description = "make the new model current without a comparison when the current one reads another feature schema")
        boolean replaceIncompatible;

        @Option(names = "--git", paramLabel = "<repo url>", description = "also commit a promoted model to this Git repository")
        String gitUrl;

        @Option(names = "--git-branch", defaultValue = "main", description = "branch for --git (default: ${DEFAULT-VALUE})")
        String gitBranch;

        @Option(names = "--git-path", defaultValue = "", description = "directory in the repository that holds the models (default: its root)")
        String gitPath;

        @Option(names = "--git-user-env", paramLabel = "VAR", description = "environment variable with the Git user name")
        String gitUserEnv;

        @Option(names = "--git-password-env", paramLabel = "VAR", description = "environment variable with the Git password or token")
        String gitPasswordEnv;

        @Spec
        CommandLine.Model.CommandSpec command;

        @Override
        public Integer call() throws Exception {
            PrintWriter o = command.commandLine().getOut();
            TrainingRequest request = request(readHistory());
            TrainingOutcome outcome;
            try (GitPromoter git = gitUrl == null ? null : new GitPromoter(PromoterOptions.defaults())) {
                outcome = new GateTraining(Clock.systemUTC(), git).run(request, line -> {
                    o.println(line);
                    o.flush();
                });
            } catch (TrainingException e) {
                throw new UserError(e.getMessage(), e);
            } catch (ModelException e) {
                command.commandLine().getErr().println("devsim: " + e.getMessage());
                return EXIT_FAILED;
            }
            ModelMetadata m = outcome.metadata();
            o.println("Model: " + modelDir.resolve(outcome.version()) + " (" + m.schemaVersion() + ", trained on "
                    + m.examples() + " examples, " + m.badExamples() + " bad, data " + m.dataHash() + ")");
            if (outcome.commitId() != null) {
                o.println("Committed: " + outcome.commitId() + " on " + gitBranch + " of " + gitUrl);
            }
            if (outcome.decision().promoted()) {
                o.println("=> " + outcome.version() + " is the current model");
                return 0;
            }
            o.println("=> " + outcome.version() + " stays unused; " + outcome.decision().previous() + " remains current");
            return EXIT_NOT_PROMOTED;
        }

        private List<NamedHistory> readHistory() throws IOException {
            if (history.isEmpty() && simulated == 0) {
                throw new UserError("nothing to train on: give --history (a history.jsonl, e.g. .devsim/state/history.jsonl)"
                        + " and/or --simulated N");
            }
            List<NamedHistory> read = new ArrayList<>();
            for (Path p : history) {
                for (Path file : files(p)) {
                    try {
                        read.add(new NamedHistory(file.toString(), new JsonLinesHistory(file).read()));
                    } catch (HistoryFormatException e) {
                        throw new UserError(e.getMessage(), e);
                    }
                }
            }
            return read;
        }

        private static List<Path> files(Path p) throws IOException {
            if (Files.isRegularFile(p)) {
                return List.of(p);
            }
            if (!Files.isDirectory(p)) {
                throw new UserError("history " + p + " does not exist");
            }
            try (Stream<Path> entries = Files.list(p)) {
                List<Path> files = entries.filter(f -> f.getFileName().toString().endsWith(".jsonl") && Files.isRegularFile(f))
                        .sorted().toList();
                if (files.isEmpty()) {
                    throw new UserError("history directory " + p + " holds no *.jsonl file");
                }
                return files;
            }
        }

        private TrainingRequest request(List<NamedHistory> read) {
            if (Files.exists(modelDir) && !Files.isDirectory(modelDir)) {
                throw new UserError("--model-dir " + modelDir + " is a file, not a directory");
            }
            try {
                return new TrainingRequest(read, modelDir, simulated,
                        new TrainingParams(rounds, maxDepth, TrainingParams.DEFAULT.eta(), TrainingParams.DEFAULT.seed(),
                                TrainingParams.DEFAULT.threads()),
                        new GatingCriterion(falseRollbackRate, tolerance), heldOut, replaceIncompatible, git());
            } catch (IllegalArgumentException | TrainingException e) {
                throw new UserError(e.getMessage(), e);
            }
        }

        private ModelGitTarget git() {
            if (gitUrl == null) {
                if (gitUserEnv != null || gitPasswordEnv != null) {
                    throw new UserError("--git-user-env and --git-password-env need --git");
                }
                return null;
            }
            if ((gitUserEnv == null) != (gitPasswordEnv == null)) {
                throw new UserError("--git-user-env and --git-password-env go together");
            }
            GitCredentials credentials = Credentials.from(new CredentialsSpec(gitUserEnv, gitPasswordEnv, null), System.getenv());
            return new ModelGitTarget(gitUrl, gitBranch, gitPath, credentials);
        }
    }
}
