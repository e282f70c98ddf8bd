package dev.legacyguard.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class KeySuggestionTest {

    private static final List<String> KNOWN = Arrays.asList("logto.audience", "logto.endpoint", "logto.jwks.refresh-interval");

    @Test
    void suggestsTheKeyATypoMeant() {
        assertEquals("logto.audience", KeySuggestion.nearest("logto.audiance", KNOWN));
        assertEquals("logto.jwks.refresh-interval", KeySuggestion.nearest("logto.jwks.refresh-intervall", KNOWN));
    }

    @Test
    void suggestsNothingForANameFarFromEveryKey() {
        assertNull(KeySuggestion.nearest("logto.completely-unrelated", KNOWN));
    }

    @Test
    void measuresEditsAsInsertionsDeletionsAndSubstitutions() {
        assertEquals(0, KeySuggestion.distance("abc", "abc"));
        assertEquals(1, KeySuggestion.distance("abc", "abd"));
        assertEquals(1, KeySuggestion.distance("abc", "abcd"));
        assertEquals(3, KeySuggestion.distance("", "abc"));
    }
}
