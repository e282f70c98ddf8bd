package dev.legacyguard.agent.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
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
        assertEquals(new BigDecimal(3600), answer.get("expires_in"));
        assertEquals("read write", answer.get("scope"));
    }

    @Test
    void parsesEveryValueKind() {
        Map<?, ?> all = (Map<?, ?>) Json.parse("{\"a\":[1,-2.5e3,0.1],\"b\":true,\"c\":false,\"d\":null,\"e\":{},\"f\":[]}");
        assertEquals(Arrays.asList(new BigDecimal("1"), new BigDecimal("-2.5e3"), new BigDecimal("0.1")), all.get("a"));
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
        "01", "1.", "-", "1e", "1e9999999999", "tru", "nul", "'single'", "{\"a\":1}{}",
        "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
    })
    void rejectsWhatIsNotStrictJson(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse(text));
        assertTrue(e.getMessage().startsWith("invalid JSON at offset "), e.getMessage());
    }
}
