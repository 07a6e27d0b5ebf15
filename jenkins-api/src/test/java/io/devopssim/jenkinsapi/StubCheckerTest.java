package io.devopssim.jenkinsapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Proves that the checker fails: the same hand-made signatures (test resource fixture-signatures.txt, in the
 * real grammar) are compared once with fixture classes that match them and once with classes that break
 * them in one way each.
 */
class StubCheckerTest {

    private static final String CONFORMING = "io.devopssim.jenkinsapi.fixture.conforming";
    private static final String DEVIATING = "io.devopssim.jenkinsapi.fixture.deviating";

    @Test
    @DisplayName("classes that match their signatures give no mismatch")
    void conformingFixturesPass() throws Exception {
        List<String> mismatches = checkerFor(CONFORMING).check(fixtures(CONFORMING,
                "Widget", "Marker", "Mode", "Base", "Gadget", "Partial"));

        assertThat(mismatches).isEmpty();
    }

    @Test
    @DisplayName("every kind of deviation is reported, all in one list")
    void deviatingFixturesAreAllReported() throws Exception {
        List<String> mismatches = checkerFor(DEVIATING).check(fixtures(DEVIATING,
                "Widget", "Marker", "Mode", "Base", "Gadget", "Partial", "Outside", "Unlisted"));

        String widget = DEVIATING + ".Widget";
        String marker = DEVIATING + ".Marker";
        List<String> expected = List.of(
                widget + ": type parameters <T> differ from the real <TextendsComparable<T>>".replace("Comparable", "java.lang.Comparable"),
                widget + ": declares supertype java.lang.Cloneable, which is not a supertype",
                widget + ": CTOR public " + widget + "(): modifiers [public] differ from the real [protected]",
                widget + ": METHOD public int " + widget + ".size(): modifiers [public] differ from the real [public, final]",
                widget + ": METHOD public java.util.List<java.lang.Object> " + widget + ".items(java.lang.String...)"
                        + " throws java.io.IOException: generic signature",
                widget + ": METHOD public void " + widget + ".refresh() exists only in a LATER Jenkins",
                widget + ": METHOD public void " + widget + ".size(int) has descriptor (I)V; signatures.txt has only ()I",
                widget + ": must declare METHOD public abstract java.lang.String name()",
                marker + ": lacks the index meta-annotation @org.jvnet.hudson.annotation_indexer.Indexed",
                marker + ": @Retention CLASS differs from the real RUNTIME",
                marker + ": @Target [TYPE] differs from the real [METHOD, TYPE]",
                marker + ": ELEMENT public abstract int " + marker + ".level(): default 3 differs from the real 2",
                marker + ": must declare ELEMENT public abstract java.lang.String[] value()",
                DEVIATING + ".Mode: is interface but the real type is enum",
                DEVIATING + ".Gadget: declares supertype java.lang.Runnable, which is not a supertype",
                DEVIATING + ".Partial: TSCOPE is 'selected:label', so the stub must be abstract",
                DEVIATING + ".Partial: CTOR public " + DEVIATING + ".Partial() is not in signatures.txt",
                DEVIATING + ".Outside: is an EXTERNAL type of signatures.txt",
                DEVIATING + ".Unlisted: type is not in signatures.txt");
        for (String fragment : expected) {
            assertThat(mismatches).as("mismatches reported").anyMatch(m -> m.startsWith(fragment));
        }
        assertThat(mismatches).as("one line per deviation, nothing else").hasSameSizeAs(expected);
    }

    private static StubChecker checkerFor(String fixturePackage) throws IOException {
        try (InputStream in = StubCheckerTest.class.getResourceAsStream("fixture-signatures.txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("${P}", fixturePackage)
                    .replace("${PATH}", fixturePackage.replace('.', '/'));
            return new StubChecker(SignatureFile.parse(text.lines().toList()));
        }
    }

    private static List<Class<?>> fixtures(String fixturePackage, String... simpleNames) throws ClassNotFoundException {
        Class<?>[] classes = new Class<?>[simpleNames.length];
        for (int i = 0; i < simpleNames.length; i++) {
            classes[i] = Class.forName(fixturePackage + "." + simpleNames[i]);
        }
        return List.of(classes);
    }
}
