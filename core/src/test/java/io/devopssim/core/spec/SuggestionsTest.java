package io.devopssim.core.spec;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SuggestionsTest {
    private static final List<String> KEYS = List.of("app", "image", "steps", "analysis", "gitops");

    @Test
    void suggestsTheKeyOneSlipAway() {
        assertThat(Suggestions.closest("aap", KEYS)).contains("app");     // a swap is one edit
        assertThat(Suggestions.closest("imgae", KEYS)).contains("image");
        assertThat(Suggestions.closest("STEPS", KEYS)).contains("steps"); // case is ignored
        assertThat(Suggestions.closest("analysys", KEYS)).contains("analysis");
        assertThat(Suggestions.closest("gitop", KEYS)).contains("gitops");
        assertThat(Suggestions.closest("password", List.of("usernameEnv", "passwordEnv"))).contains("passwordEnv");
    }

    @Test
    void suggestsNothingForAWordThatIsNotASlip() {
        assertThat(Suggestions.closest("colour", KEYS)).isEmpty();
        assertThat(Suggestions.closest("ap", List.of("image"))).isEmpty();
        assertThat(Suggestions.closest("x", KEYS)).isEmpty();
        assertThat(Suggestions.closest("ana", KEYS)).isEmpty(); // too short to be the start of a word
    }
}
