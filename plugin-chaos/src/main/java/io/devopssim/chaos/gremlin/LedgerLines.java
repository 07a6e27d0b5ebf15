package io.devopssim.chaos.gremlin;

import io.devopssim.chaos.gremlin.AttackLedger.LedgerEntry;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The ledger as lines, one per event, so that a file ledger only ever appends: {@code intent <index> <tag>}
 * before an attack is asked for, {@code attack <tag> <guid>} once Gremlin named it.
 */
final class LedgerLines {
    private LedgerLines() {
    }

    static String intent(int index, String tag) {
        return "intent " + index + " " + checked(tag) + "\n";
    }

    static String attack(String tag, String guid) {
        return "attack " + checked(tag) + " " + checked(guid) + "\n";
    }

    static List<LedgerEntry> parse(List<String> lines) throws IOException {
        List<LedgerEntry> entries = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.strip().split(" ");
            if (f.length == 3 && f[0].equals("intent") && f[1].matches("\\d{1,4}")) {
                entries.add(new LedgerEntry(Integer.parseInt(f[1]), f[2], null));
            } else if (f.length == 3 && f[0].equals("attack")) {
                fill(entries, f[1], f[2]);
            } else {
                throw new IOException("unreadable attack ledger line: " + line);
            }
        }
        return entries;
    }

    /** Gives the intent with {@code tag} its guid; an attack without a written intent is kept too (never dropped). */
    static void fill(List<LedgerEntry> entries, String tag, String guid) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).tag().equals(tag)) {
                entries.set(i, entries.get(i).withGuid(guid));
                return;
            }
        }
        entries.add(new LedgerEntry(-1, tag, guid));
    }

    private static String checked(String word) {
        if (word.isEmpty() || word.chars().anyMatch(c -> Character.isWhitespace(c))) {
            throw new IllegalArgumentException("a ledger word must be non-empty and without spaces: \"" + word + "\"");
        }
        return word;
    }
}
