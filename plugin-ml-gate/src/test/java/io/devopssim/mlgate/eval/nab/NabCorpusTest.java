package io.devopssim.mlgate.eval.nab;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading a corpus laid out as upstream NAB's, from files written here. */
class NabCorpusTest {
    private static final String PROFILES = """
            {"standard": {"CostMatrix": {"tpWeight": 1.0, "fnWeight": 1.0, "fpWeight": 0.11, "tnWeight": 1.0}},
             "reward_low_FN_rate": {"CostMatrix": {"tpWeight": 1.0, "fnWeight": 2.0, "fpWeight": 0.11, "tnWeight": 1.0}}}
            """;

    @Test
    @DisplayName("windows given as timestamps with a .000000 fraction become the rows of those timestamps")
    void shouldMapWindowLimitsToRows(@TempDir Path root) throws IOException {
        write(root, """
                {"realX/a.csv": [["2024-01-01 00:50:00.000000", "2024-01-01 01:05:00.000000"]], "artY/b.csv": []}
                """);
        NabCorpus corpus = NabCorpus.read(root);
        assertThat(corpus.files()).extracting(LabelledSeries::name).containsExactly("artY/b.csv", "realX/a.csv");
        LabelledSeries a = corpus.files().get(1);
        assertThat(a.category()).isEqualTo("realX");
        assertThat(a.windows()).containsExactly(new AnomalyWindow(10, 13));
        assertThat(a.values()[3]).isEqualTo(3.5);
        assertThat(corpus.windows()).isEqualTo(1);
        assertThat(corpus.profiles()).containsExactly(CostProfile.STANDARD, CostProfile.REWARD_LOW_FN_RATE);
    }

    @Test
    @DisplayName("a window limit that is no timestamp of its file is an error naming the file")
    void shouldRefuseUnknownWindowLimit(@TempDir Path root) throws IOException {
        write(root, """
                {"realX/a.csv": [["2024-01-01 00:52:00.000000", "2024-01-01 01:05:00.000000"]], "artY/b.csv": []}
                """);
        assertThatThrownBy(() -> NabCorpus.read(root)).hasMessageContaining("realX/a.csv")
                .hasMessageContaining("2024-01-01 00:52:00.000000");
    }

    private static void write(Path root, String windows) throws IOException {
        String csv = "timestamp,value\n" + IntStream.range(0, 20)
                .mapToObj(i -> String.format("2024-01-01 %02d:%02d:00,%s", i * 5 / 60, i * 5 % 60, i + 0.5))
                .collect(Collectors.joining("\n")) + "\n";
        for (String f : new String[] {"realX/a.csv", "artY/b.csv"}) {
            Path p = root.resolve("data").resolve(f);
            Files.createDirectories(p.getParent());
            Files.writeString(p, csv);
        }
        Files.createDirectories(root.resolve("labels"));
        Files.createDirectories(root.resolve("config"));
        Files.writeString(root.resolve("labels/combined_windows.json"), windows);
        Files.writeString(root.resolve("config/profiles.json"), PROFILES);
    }
}
