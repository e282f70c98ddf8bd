package dev.legacyguard.filter.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.sun.management.ThreadMXBean;

import dev.legacyguard.core.json.Json;

/** The shared JSON reader as the filter uses it for a token's header and payload, read side by side with jose4j's JsonUtil. */
class TokenJsonTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "{}",
        " {\"alg\":\"ES384\",\"typ\":\"at+jwt\",\"kid\":\"k-1\"} ",
        "{\"exp\":1767225600,\"iat\":-5,\"nbf\":0,\"f\":1.5,\"e\":2e3,\"E\":-1.25E-2}",
        "{\"aud\":[\"https://a.example\",\"https://b.example\"],\"empty\":[],\"o\":{\"n\":{\"m\":[1,[2,{}]]}}}",
        "{\"t\":true,\"f\":false,\"n\":null}",
        "{\"esc\":\"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t \\u00e9\\u20AC\",\"plain\":\"é€ 😀\"}",
        "{\n\t\"spaced\" :\r\n [ 1 , 2 ] \n}",
        "{\"big\":99999999999999999999,\"neg\":-123456789012345678901234567890,\"over\":9223372036854775808}",
        "{\"max\":9223372036854775807,\"min\":-9223372036854775808,\"long18\":-99999999999999999}",
        "{\"tiny\":1e-300,\"huge\":1.5e300,\"zero\":0e-400,\"negzero\":-0.0}",
    })
    void readsWhatJose4jReadsIntoTheSameValues(String json) throws JoseException {
        assertEquals(JsonUtil.parseJson(json), Json.parseObject(json));
    }

    @Test
    void readsAnEscapeHeavyPayloadAsJose4jDoes() throws JoseException {
        String json = escapeHeavy(8 * 1024);
        assertEquals(JsonUtil.parseJson(json), Json.parseObject(json));
    }

    @Test
    void readsWholeNumbersAsLongAndOthersAsDouble() {
        Map<String, Object> parsed = Json.parseObject("{\"exp\":1767225600,\"frac\":1.0,\"exp10\":1e2}");
        assertNotNull(parsed);
        assertEquals(1767225600L, parsed.get("exp"));
        assertEquals(1.0, parsed.get("frac"));
        assertEquals(100.0, parsed.get("exp10"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void returnsMapsAndListsNobodyCanChange() {
        Map<String, Object> parsed = Json.parseObject("{\"o\":{\"l\":[1,{\"m\":[]}]}}");
        assertNotNull(parsed);
        Map<String, Object> o = (Map<String, Object>) parsed.get("o");
        List<Object> l = (List<Object>) o.get("l");
        assertThrows(UnsupportedOperationException.class, () -> parsed.put("x", 1));
        assertThrows(UnsupportedOperationException.class, () -> o.remove("l"));
        assertThrows(UnsupportedOperationException.class, () -> l.add(2));
        assertThrows(UnsupportedOperationException.class, () -> ((List<Object>) ((Map<String, Object>) l.get(1)).get("m")).add(3));
    }

    @Test
    void refusesAMemberNameGivenTwice() {
        assertNull(Json.parseObject("{\"alg\":\"ES384\",\"alg\":\"none\"}"));
    }

    @Test
    void refusesAMemberNameGivenTwiceInANestedObject() {
        assertNull(Json.parseObject("{\"o\":{\"a\":1,\"a\":2}}"));
    }

    @Test
    void readsAWholeNumberBeyondLongAsBigInteger() {
        Map<String, Object> parsed = Json.parseObject("{\"id\":123456789012345678901234567890,\"l\":9223372036854775807}");
        assertNotNull(parsed);
        assertEquals(new BigInteger("123456789012345678901234567890"), parsed.get("id"));
        assertEquals(Long.MAX_VALUE, parsed.get("l"));
    }

    /** JsonUtil gives infinity and zero here: we keep the number as written. */
    @ParameterizedTest
    @ValueSource(strings = {"1e400", "-1.5E+400", "1e-400", "-0.000001e-399"})
    void readsAFractionADoubleCannotHoldAsBigDecimal(String number) throws JoseException {
        String json = "{\"n\":" + number + "}";
        Map<String, Object> parsed = Json.parseObject(json);
        assertNotNull(parsed);
        assertEquals(new BigDecimal(number), parsed.get("n"));
        Object jose4j = JsonUtil.parseJson(json).get("n");
        assertTrue(Double.isInfinite((Double) jose4j) || (Double) jose4j == 0, String.valueOf(jose4j));
    }

    @Test
    void refusesAnExponentNoNumberCanHold() {
        assertNull(Json.parseObject("{\"n\":1e-9999999999}"));
    }

    /**
     * Arabic-Indic, extended Arabic-Indic, Devanagari and fullwidth digits are digits to
     * Character.digit; a u escape takes ASCII hex only. JsonUtil does not read them as an escape either.
     */
    @ParameterizedTest
    @ValueSource(strings = {"\u0660\u0660\u0664\u0661", "\u06f0\u06f0\u06f4\u06f1", "\u0966\u0966\u096a\u0967",
        "\uff10\uff10\uff14\uff11", "00\uff141", "004\uff11"})
    void refusesUnicodeEscapesWithDigitsOutsideAscii(String digits) throws JoseException {
        String json = "{\"a\":\"\\u" + digits + "\"}";
        assertNull(Json.parseObject(json));
        assertNotEquals("A", JsonUtil.parseJson(json).get("a"));
    }

    @Test
    void readsUnicodeEscapesInEitherCase() {
        assertEquals(Map.of("a", "\u00ea\u00EA\uABCD"), Json.parseObject("{\"a\":\"\\u00ea\\u00EA\\uabcd\"}"));
    }

    /**
     * Each short escaped string once reserved a buffer as long as the rest of the text: 8 times
     * the text made 64 times the garbage. Measured as bytes allocated by this thread, not time.
     */
    @Test
    void allocatesInProportionToTheLengthOfAnEscapeHeavyText() {
        String small = escapeHeavy(8 * 1024);
        String large = escapeHeavy(64 * 1024);
        allocatedBy(small);
        allocatedBy(large); // warm-up: class loading and first calls allocate too
        long smallBytes = allocatedBy(small);
        long largeBytes = allocatedBy(large);
        assertTrue(largeBytes < 16 * smallBytes, "8 KB: " + smallBytes + " bytes, 64 KB: " + largeBytes + " bytes");
        assertTrue(largeBytes < 40L * large.length(), "64 KB: " + largeBytes + " bytes");
    }

    private static long allocatedBy(String json) {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        assertNotNull(Json.parseObject(json));
        return threads.getThreadAllocatedBytes(id) - before;
    }

    /** {@code {"a":["\n","\n",...]}} of about {@code chars} characters: many short strings, each escaped. */
    private static String escapeHeavy(int chars) {
        StringBuilder json = new StringBuilder(chars + 16).append("{\"a\":[\"\\n\"");
        while (json.length() < chars) {
            json.append(",\"\\n\"");
        }
        return json.append("]}").toString();
    }

    @Test
    void refusesNestingDeeperThanTheLimit() {
        int arrays = Json.MAX_DEPTH;
        String json = "{\"x\":" + "[".repeat(arrays) + "]".repeat(arrays) + "}";
        assertNull(Json.parseObject(json));
    }

    @Test
    void readsNestingUpToTheLimit() {
        int arrays = Json.MAX_DEPTH - 1;
        String json = "{\"x\":" + "[".repeat(arrays) + "]".repeat(arrays) + "}";
        assertNotNull(Json.parseObject(json));
    }

    @Test
    void refusesHostileNestingWithoutExhaustingTheStack() {
        assertNull(Json.parseObject("{\"x\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "   ", "[1,2]", "\"s\"", "42", "null", "not json",
        "{", "{\"a\"}", "{\"a\":}", "{\"a\":1,}", "{,}", "{\"a\":1}}", "{\"a\":1} {}", "{\"a\":1}x",
        "{a:1}", "{'a':1}", "{\"a\":[1,]}", "{\"a\":[1 2]}", "{\"a\":tru}", "{\"a\":nul}", "{\"a\":-}",
        "{\"a\":1.}", "{\"a\":.5}", "{\"a\":1e}", "{\"a\":+1}", "{\"a\":\"unterminated}",
        "{\"a\":\"bad \\x escape\"}", "{\"a\":\"\\u12\"}", "{\"a\":\"\\u12G4\"}", "{\"a\":\"\\u12\\\"\"}", "{\"a\":\"ends in \\",
        "{\"a\":01}", "{\"a\":-00}", "{\"a\":\"raw\ttab\"}", "{\"a\":\"raw\nnewline \\n\"}", "{\"a\u0001\":1}",
    })
    void refusesAnythingButOneWellFormedObject(String json) {
        assertNull(Json.parseObject(json), () -> "parsed: " + Arrays.toString(json.toCharArray()));
    }
}
