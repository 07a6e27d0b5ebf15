package io.devopssim.pipelines;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.devopssim.cli.Devsim;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.RefSpec;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every spec a Jenkinsfile names ({@code specFile:}) is the Jenkinsfile's equivalent for {@code devsim}: it runs
 * here on the simulator with the same engine, against a local environment repository standing in for the one it
 * names, and must end in a promotion commit. A model the spec's gate reads is trained first, as the Jenkinsfile's
 * {@code trainDeploymentGate} stage does.
 */
class PipelineSpecsTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> SPEC_PARAMETERS = Set.of("specFile");

    @TempDir
    Path tmp;

    @TestFactory
    List<DynamicTest> everySpecAJenkinsfileNamesPromotesOnTheSimulator() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path jenkinsfile : JenkinsfilesTest.jenkinsfiles()) {
            Path folder = jenkinsfile.getParent();
            List<String> specs = PipelineScript.parse(jenkinsfile).stepCalls().stream()
                    .flatMap(c -> SPEC_PARAMETERS.stream().map(c::literal).flatMap(java.util.Optional::stream))
                    .distinct().toList();
            for (String spec : specs) {
                String name = JenkinsfilesTest.PIPELINES.relativize(folder.resolve(spec)).toString();
                tests.add(DynamicTest.dynamicTest(name, () -> runsAndPromotes(folder, spec)));
            }
            List<String> plans = PipelineScript.parse(jenkinsfile).stepCalls().stream()
                    .flatMap(c -> c.literal("planFile").stream()).distinct().toList();
            for (String plan : plans) {
                String name = JenkinsfilesTest.PIPELINES.relativize(folder.resolve(plan)).toString();
                tests.add(DynamicTest.dynamicTest(name, () -> wavesPass(folder, plan)));
            }
        }
        assertThat(tests).as("specs named by the Jenkinsfiles").isNotEmpty();
        return tests;
    }

    private void runsAndPromotes(Path pipelineFolder, String specFile) throws Exception {
        Path work = tmp.resolve(pipelineFolder.getFileName().toString() + "-" + Math.abs(specFile.hashCode()));
        copyTree(pipelineFolder, work);
        Path spec = work.resolve(specFile);
        ObjectNode tree = (ObjectNode) YAML.readTree(spec.toFile());
        ObjectNode gitops = (ObjectNode) tree.get("gitops");
        String file = gitops.get("file").asText();
        String image = tree.get("image").asText();
        String tag = image.substring(image.lastIndexOf(':') + 1);

        // the environment repository the spec names is replaced by a local one holding the manifest it edits
        Path bare = work.resolve("environments.git");
        seed(bare, work.resolve("seed"), List.of(file), List.of(nested(gitops.get("helm").asText(), "\"1.4.2\"")));
        gitops.put("repo", bare.toUri().toString());
        gitops.remove("credentials");
        YAML.writeValue(spec.toFile(), tree);

        JsonNode model = tree.path("analysis").path("model");
        if (!model.isMissingNode()) {
            Path modelDir = spec.getParent().resolve(model.asText()).normalize();
            Output train = devsim("gate", "train", "--model-dir", modelDir.toString(), "--simulated", "300", "--rounds", "30");
            assertThat(train.code()).as("training the model %s%n%s", model.asText(), train).isZero();
        }

        Output run = devsim("rollout", "-f", spec.toString(), "--state-dir", work.resolve("state").toString(),
                "--out", work.resolve("out").toString(), "--start", "2026-11-23T09:00:00Z");
        assertThat(run.code()).as("devsim rollout -f %s%n%s", specFile, run).isZero();
        assertThat(run.out()).contains("=> PROMOTED");
        try (Git git = Git.open(bare.toFile())) {
            RevCommit tip = git.log().setMaxCount(1).call().iterator().next();
            assertThat(tip.getFullMessage()).as("the promotion commit").contains("Verdict: PASSED").contains(tag);
        }
    }

    /** A wave plan runs with {@code devsim waves} on simulated clusters and every wave passes. */
    private void wavesPass(Path pipelineFolder, String planFile) throws Exception {
        Path work = tmp.resolve(pipelineFolder.getFileName().toString() + "-" + Math.abs(planFile.hashCode()));
        copyTree(pipelineFolder, work);
        Path plan = work.resolve(planFile);
        ObjectNode tree = (ObjectNode) YAML.readTree(plan.toFile());
        JsonNode registry = YAML.readTree(plan.resolveSibling("clusters.yaml").toFile());
        ObjectNode gitops = (ObjectNode) tree.get("gitops");
        List<String> files = new ArrayList<>();
        List<String> contents = new ArrayList<>();
        StringBuilder weights = new StringBuilder(tree.path("traffic").path("helm").asText() + ":\n");
        int clusters = registry.get("clusters").size();
        for (JsonNode cluster : registry.get("clusters")) {
            files.add(cluster.get("envPath").asText() + "/" + gitops.get("file").asText());
            contents.add(nested(gitops.get("helm").asText(), "\"1.4.2\"")
                    + nested(tree.path("replicas").path("helm").asText(), "4"));
            weights.append("  ").append(cluster.get("name").asText()).append(": ").append(100 / clusters).append('\n');
        }
        files.add(tree.path("traffic").path("file").asText());
        contents.add(weights.toString());
        Path bare = work.resolve("environments.git");
        seed(bare, work.resolve("seed"), files, contents);
        gitops.put("repo", bare.toUri().toString());
        gitops.remove("credentials");
        YAML.writeValue(plan.toFile(), tree);

        Output run = devsim("waves", "-f", plan.toString(), "--state-dir", work.resolve("state").toString(),
                "--start", "2026-11-23T09:00:00Z");
        assertThat(run.code()).as("devsim waves -f %s%n%s", planFile, run).isZero();
        try (Git git = Git.open(bare.toFile())) {
            assertThat(git.log().call()).as("commits of the waves").hasSizeGreaterThan(registry.get("clusters").size());
        }
    }

    private static String nested(String dottedPath, String value) {
        StringBuilder yaml = new StringBuilder();
        String[] keys = dottedPath.split("\\.");
        for (int i = 0; i < keys.length; i++) {
            yaml.append("  ".repeat(i)).append(keys[i]).append(':');
            yaml.append(i == keys.length - 1 ? " " + value + "\n" : "\n");
        }
        return yaml.toString();
    }

    private record Output(int code, String out, String err) {
        @Override
        public String toString() {
            return out + err;
        }
    }

    private Output devsim(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Devsim.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Output(code, out.toString(), err.toString());
    }

    /** A bare repository on main holding {@code files} with {@code contents}, at an older release. */
    private static void seed(Path bare, Path scratch, List<String> files, List<String> contents) throws Exception {
        Git.init().setBare(true).setInitialBranch("main").setDirectory(bare.toFile()).call().close();
        try (Git work = Git.cloneRepository().setURI(bare.toUri().toString()).setDirectory(scratch.toFile()).call()) {
            for (int i = 0; i < files.size(); i++) {
                Path manifest = scratch.resolve(files.get(i));
                Files.createDirectories(manifest.getParent());
                Files.writeString(manifest, contents.get(i));
                work.add().addFilepattern(files.get(i)).call();
            }
            PersonIdent who = new PersonIdent("Platform Team", "platform@example.com");
            work.commit().setMessage("Add checkout at 1.4.2").setAuthor(who).setCommitter(who).call();
            work.push().setRemote("origin").setRefSpecs(new RefSpec("HEAD:refs/heads/main")).call();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }
}
