package io.devopssim.chaos.gremlin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devopssim.chaos.gremlin.AttackLedger.LedgerEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

class FileAttackLedgerTest {
    @TempDir
    Path dir;

    @Test
    void shouldKeepIntentsAndTheirAttacksAcrossInstances() throws Exception {
        FileAttackLedger first = new FileAttackLedger(dir);
        first.begin("exp-1");
        first.intend("exp-1", 0, "exp-1.0.aa");
        first.record("exp-1", "exp-1.0.aa", "guid-a");
        first.intend("exp-1", 1, "exp-1.1.bb"); // the process dies here

        FileAttackLedger second = new FileAttackLedger(dir);

        assertThat(second.entries("exp-1").orElseThrow()).containsExactly(
                new LedgerEntry(0, "exp-1.0.aa", "guid-a"), new LedgerEntry(1, "exp-1.1.bb", null));
        assertThat(second.entries("other")).isEmpty();
        assertThat(Files.readString(dir.resolve("exp-1.attacks")))
                .isEqualTo("intent 0 exp-1.0.aa\nattack exp-1.0.aa guid-a\nintent 1 exp-1.1.bb\n");
    }

    @Test
    void shouldRefuseALedgerItCannotRead() throws Exception {
        Files.writeString(dir.resolve("exp-1.attacks"), "intent 0 t\nsomething else\n");

        assertThatThrownBy(() -> new FileAttackLedger(dir).entries("exp-1"))
                .isInstanceOf(IOException.class).hasMessageContaining("unreadable attack ledger line: something else");
    }
}
