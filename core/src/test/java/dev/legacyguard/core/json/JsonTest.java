package dev.legacyguard.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTest {

    @Test
    void parsesATokenAnswer() {
        Map<?, ?> answer = (Map<?, ?>) Json.parse(
                " {\"access_token\":\"eyJ.a.b\",\"expires_in\":3600,\"token_type\":\"Bearer\",\"scope\":\"read write\"} ");
        assertEquals("eyJ.a.b", answer.get("access_token"));
        assertEquals(3600L, answer.get("expires_in"));
        assertEquals("read write", answer.get("scope"));
    }

    @Test
    void parsesEveryValueKind() {
        Map<?, ?> all = (Map<?, ?>) Json.parse("{\"a\":[1,-2.5e3,0.1],\"b\":true,\"c\":false,\"d\":null,\"e\":{},\"f\":[]}");
        assertEquals(Arrays.asList(1L, -2500.0, 0.1), all.get("a"));
        assertEquals(Boolean.TRUE, all.get("b"));
        assertEquals(Boolean.FALSE, all.get("c"));
        assertNull(all.get("d"));
        assertTrue(all.containsKey("d"));
    }

    @Test
    void decodesEscapesIncludingSurrogatePairs() {
        assertEquals("a\"b\\c/d\n\t\u00e9\ud83d\ude00", Json.parse("\"a\\\"b\\\\c\\/d\\n\\t\\u00e9\\ud83d\\ude00\""));
    }

    /** Among them u escapes with Arabic-Indic, fullwidth or Devanagari digits, which Character.digit takes. */
    @ParameterizedTest
    @ValueSource(strings = {
        "", "{", "{\"a\":1,}", "[1,]", "{\"a\" 1}", "{a:1}", "{\"a\":1}x", "{\"a\":1,\"a\":2}",
        "\"tab\there\"", "\"\\x\"", "\"\\u12g4\"",
        "\"\\u\u0660\u0660\u0664\u0661\"", "\"\\u\uff10\uff10\uff141\"", "\"\\u004\u0967\"",
        "01", "-01", "00.5", "1.", "-", "1e", "1e9999999999", "tru", "nul", "'single'", "{\"a\":1}{}",
        "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
    })
    void rejectsWhatIsNotStrictJson(String text) {
        JsonException e = assertThrows(JsonException.class, () -> Json.parse(text));
        assertTrue(e.getMessage().startsWith("invalid JSON at offset "), e.getMessage());
    }

    @Test
    void saysWhereAndWhatWasExpected() {
        JsonException e = assertThrows(JsonException.class, () -> Json.parse("{\"a\":01}"));
        assertEquals("invalid JSON at offset 6: expected no leading zero", e.getMessage());
    }
}
