package dev.legacyguard.filter.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonObjectParserTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "{}",
        " {\"alg\":\"ES384\",\"typ\":\"at+jwt\",\"kid\":\"k-1\"} ",
        "{\"exp\":1767225600,\"iat\":-5,\"nbf\":0,\"f\":1.5,\"e\":2e3,\"E\":-1.25E-2}",
        "{\"aud\":[\"https://a.example\",\"https://b.example\"],\"empty\":[],\"o\":{\"n\":{\"m\":[1,[2,{}]]}}}",
        "{\"t\":true,\"f\":false,\"n\":null}",
        "{\"esc\":\"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t \\u00e9\\u20AC\",\"plain\":\"é€ 😀\"}",
        "{\n\t\"spaced\" :\r\n [ 1 , 2 ] \n}",
    })
    void readsWhatJose4jReadsIntoTheSameValues(String json) throws JoseException {
        assertEquals(JsonUtil.parseJson(json), JsonObjectParser.parse(json));
    }

    @Test
    void readsWholeNumbersAsLongAndOthersAsDouble() {
        Map<String, Object> parsed = JsonObjectParser.parse("{\"exp\":1767225600,\"frac\":1.0,\"exp10\":1e2}");
        assertNotNull(parsed);
        assertEquals(1767225600L, parsed.get("exp"));
        assertEquals(1.0, parsed.get("frac"));
        assertEquals(100.0, parsed.get("exp10"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void returnsMapsAndListsNobodyCanChange() {
        Map<String, Object> parsed = JsonObjectParser.parse("{\"o\":{\"l\":[1,{\"m\":[]}]}}");
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
        assertNull(JsonObjectParser.parse("{\"alg\":\"ES384\",\"alg\":\"none\"}"));
    }

    @Test
    void refusesAMemberNameGivenTwiceInANestedObject() {
        assertNull(JsonObjectParser.parse("{\"o\":{\"a\":1,\"a\":2}}"));
    }

    @Test
    void refusesAWholeNumberBeyondLong() {
        assertNull(JsonObjectParser.parse("{\"exp\":99999999999999999999}"));
    }

    @Test
    void refusesNestingDeeperThanTheLimit() {
        int arrays = JsonObjectParser.MAX_DEPTH;
        String json = "{\"x\":" + "[".repeat(arrays) + "]".repeat(arrays) + "}";
        assertNull(JsonObjectParser.parse(json));
    }

    @Test
    void readsNestingUpToTheLimit() {
        int arrays = JsonObjectParser.MAX_DEPTH - 1;
        String json = "{\"x\":" + "[".repeat(arrays) + "]".repeat(arrays) + "}";
        assertNotNull(JsonObjectParser.parse(json));
    }

    @Test
    void refusesHostileNestingWithoutExhaustingTheStack() {
        assertNull(JsonObjectParser.parse("{\"x\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "   ", "[1,2]", "\"s\"", "42", "null", "not json",
        "{", "{\"a\"}", "{\"a\":}", "{\"a\":1,}", "{,}", "{\"a\":1}}", "{\"a\":1} {}", "{\"a\":1}x",
        "{a:1}", "{'a':1}", "{\"a\":[1,]}", "{\"a\":[1 2]}", "{\"a\":tru}", "{\"a\":nul}", "{\"a\":-}",
        "{\"a\":1.}", "{\"a\":.5}", "{\"a\":1e}", "{\"a\":+1}", "{\"a\":\"unterminated}",
        "{\"a\":\"bad \\x escape\"}", "{\"a\":\"\\u12\"}", "{\"a\":\"\\u12G4\"}", "{\"a\":\"ends in \\",
    })
    void refusesAnythingButOneWellFormedObject(String json) {
        assertNull(JsonObjectParser.parse(json), () -> "parsed: " + Arrays.toString(json.toCharArray()));
    }
}
