package io.devopssim.core.history;

import io.devopssim.core.model.Verdict;
import io.devopssim.core.state.RolloutPhase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.devopssim.core.history.HistoryFixtures.ended;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonLinesHistoryTest {
    @TempDir
    Path tmp;

    private static HistoryEntry entry(HistoryFixtures f, String id) {
        HistoryEntry e = RolloutHistory.entry(ended(RolloutPhase.ROLLED_BACK, Verdict.FAILED), f.spec, f.analysis);
        return new HistoryEntry(e.format(), id, e.app(), e.image(), e.outcome(), e.decidedBy(), e.reason(), e.judgement(),
                e.finishedAt(), e.window());
    }

    @Test
    void shouldReadBackWhatWasAppendedOneLineEach() throws Exception {
        HistoryFixtures f = new HistoryFixtures();
        JsonLinesHistory history = new JsonLinesHistory(tmp.resolve("state/history.jsonl"));
        HistoryEntry first = entry(f, "r1");

        history.append(first);
        history.append(entry(f, "r2"));
        HistoryRead read = history.read();

        assertThat(read.skipped()).isEmpty();
        assertThat(read.entries()).extracting(HistoryEntry::rolloutId).containsExactly("r1", "r2");
        assertThat(read.entries().get(0)).isEqualTo(first);
        assertThat(Files.readAllLines(history.file())).hasSize(2).allMatch(l -> l.startsWith("{\"format\":2,"));
    }

    @Test
    @DisplayName("appenders on several threads, each with its own instance, never interleave or lose a line")
    void concurrentAppendersLoseNothing() throws Exception {
        HistoryFixtures f = new HistoryFixtures();
        Path file = tmp.resolve("history.jsonl");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            JsonLinesHistory own = new JsonLinesHistory(file);
            done.add(pool.submit(() -> {
                for (int i = 0; i < 20; i++) {
                    own.append(entry(f, "t" + thread + "-" + i));
                }
                return null;
            }));
        }
        for (Future<?> d : done) {
            d.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        HistoryRead read = new JsonLinesHistory(file).read();
        assertThat(read.skipped()).isEmpty();
        assertThat(new HashSet<>(read.entries().stream().map(HistoryEntry::rolloutId).toList())).hasSize(80);
    }

    @Test
    @DisplayName("a line torn by a crash is ignored by readers and cut off by the next append")
    void aTornLastLineIsIgnoredThenCutOff() throws Exception {
        HistoryFixtures f = new HistoryFixtures();
        JsonLinesHistory history = new JsonLinesHistory(tmp.resolve("history.jsonl"));
        history.append(entry(f, "r1"));
        Files.writeString(history.file(), "{\"format\":1,\"rolloutId\":\"r2\",\"app\":\"chec", StandardOpenOption.APPEND);

        HistoryRead torn = history.read();
        history.append(entry(f, "r3"));
        HistoryRead after = history.read();

        assertThat(torn.entries()).extracting(HistoryEntry::rolloutId).containsExactly("r1");
        assertThat(torn.skipped()).singleElement().asString().contains("line 2: incomplete last line");
        assertThat(after.entries()).extracting(HistoryEntry::rolloutId).containsExactly("r1", "r3");
        assertThat(after.skipped()).isEmpty();
        assertThat(Files.readString(history.file())).doesNotContain("\"chec{");
    }

    @Test
    void aCorruptLineIsSkippedAndNamedAndANewerFormatIsRefused() throws Exception {
        HistoryFixtures f = new HistoryFixtures();
        JsonLinesHistory history = new JsonLinesHistory(tmp.resolve("history.jsonl"));
        history.append(entry(f, "r1"));
        Files.writeString(history.file(), "not json\n{\"format\":1}\n", StandardOpenOption.APPEND);
        history.append(entry(f, "r2"));

        HistoryRead read = history.read();

        assertThat(read.entries()).extracting(HistoryEntry::rolloutId).containsExactly("r1", "r2");
        assertThat(read.skipped()).hasSize(2);
        assertThat(read.skipped().get(0)).contains("line 2: not JSON");
        assertThat(read.skipped().get(1)).contains("line 3: not a history entry").contains("rolloutId");

        String newer = Files.readString(history.file(), StandardCharsets.UTF_8) + "{\"format\":3,\"rolloutId\":\"x\"}\n";
        assertThatThrownBy(() -> JsonLinesHistory.parse(newer, "h.jsonl")).isInstanceOf(HistoryFormatException.class)
                .hasMessage("h.jsonl line 5 is history format 3; this devsim reads format 2 and older: use a newer devsim");
    }

    @Test
    @DisplayName("relabels are lines of their own, read apart from the entries, in order, with who and why")
    void relabelsAreAppendedAndReadApart() throws Exception {
        HistoryFixtures f = new HistoryFixtures();
        JsonLinesHistory history = new JsonLinesHistory(tmp.resolve("history.jsonl"));
        history.append(entry(f, "r1"));
        Relabel first = Relabel.of("r1", Relabel.Label.GOOD, "alice", "the rollback was a false alarm", HistoryFixtures.T0);
        Relabel second = Relabel.of("r1", Relabel.Label.BAD, "bob", "it leaked memory after all", HistoryFixtures.T0.plusSeconds(60));

        history.relabel(first);
        history.relabel(second);
        history.append(entry(f, "r2"));
        HistoryRead read = history.read();

        assertThat(read.entries()).extracting(HistoryEntry::rolloutId).containsExactly("r1", "r2");
        assertThat(read.relabels()).containsExactly(first, second);
        assertThat(read.skipped()).isEmpty();
        assertThat(Files.readAllLines(history.file()).get(1)).contains("\"type\":\"relabel\"").contains("\"by\":\"alice\"");
    }

    @Test
    @DisplayName("a relabel of a rollout the history does not hold is refused, naming the ids it holds, and writes nothing")
    void aRelabelOfAnUnknownRolloutIsRefusedBeforeWriting() throws Exception {
        HistoryFixtures f = new HistoryFixtures();
        JsonLinesHistory history = new JsonLinesHistory(tmp.resolve("history.jsonl"));
        history.append(entry(f, "checkout-1.5.0"));
        history.append(entry(f, "checkout-1.6.0"));
        String before = Files.readString(history.file());
        Relabeller relabeller = new Relabeller(history);

        assertThatThrownBy(() -> relabeller.relabel(Relabel.of("checkout-1.7.0", Relabel.Label.GOOD, "alice", "why", HistoryFixtures.T0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no rollout 'checkout-1.7.0' in the history (2 rollouts; the latest: checkout-1.6.0, checkout-1.5.0)");
        assertThat(Files.readString(history.file())).isEqualTo(before);

        HistoryEntry relabelled = relabeller.relabel(Relabel.of("checkout-1.6.0", Relabel.Label.GOOD, "alice", "why", HistoryFixtures.T0));
        assertThat(relabelled.rolloutId()).isEqualTo("checkout-1.6.0");
        assertThat(history.read().relabels()).extracting(Relabel::rolloutId).containsExactly("checkout-1.6.0");
        assertThatThrownBy(() -> new Relabeller(new JsonLinesHistory(tmp.resolve("none.jsonl")))
                .relabel(Relabel.of("x", Relabel.Label.BAD, "a", "b", HistoryFixtures.T0))).hasMessage("no rollout 'x' in the history (it is empty)");
    }

    @Test
    void aRelabelNeedsWhoWhyAndAKnownOutcome() {
        assertThatThrownBy(() -> Relabel.of("r1", Relabel.Label.GOOD, " ", "why", HistoryFixtures.T0)).hasMessageContaining("--by");
        assertThatThrownBy(() -> Relabel.of("r1", Relabel.Label.GOOD, "alice", "", HistoryFixtures.T0)).hasMessageContaining("--reason");
        assertThatThrownBy(() -> Relabel.Label.parse("meh")).hasMessage("the outcome must be good or bad, not 'meh'");
        assertThat(Relabel.Label.parse(" Bad ")).isEqualTo(Relabel.Label.BAD);
    }

    @Test
    void aMissingFileIsAnEmptyHistory() throws Exception {
        assertThat(new JsonLinesHistory(tmp.resolve("none.jsonl")).read().entries()).isEmpty();
    }
}
