package dev.legacyguard.core.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.legacyguard.core.text.AsciiHex;

/**
 * A small strict JSON reader (RFC 8259) for a token's header and payload (the filter) and a token
 * endpoint's answer (the agent), so that neither jar needs a JSON library for it. Values come in
 * the shapes jose4j's JsonUtil gives: maps in member order, lists, String, Long or BigInteger,
 * Double, Boolean, null; a fraction that a double cannot hold becomes a BigDecimal, where JsonUtil
 * gives infinity or zero. Every map and list is unmodifiable, so an accepted token's claims can be
 * handed out as they are.
 *
 * <p>Strict where it matters: a member name given twice is refused, not "last one wins", so a
 * header cannot say {@code "alg":"ES384"} to one reader and {@code "alg":"none"} to another; so
 * are raw control characters in strings, leading zeros, trailing data and nesting deeper than
 * {@link #MAX_DEPTH}, so hostile input cannot exhaust the stack.
 *
 * <p>It is on the filter's verify path for every new token: one pass, no lexer object, and every
 * string's buffer sized by that string alone, so what it allocates grows with the text's length,
 * not its square, however many escapes a token carries.
 */
public final class Json {

    /** Far deeper than any real header, claim set or token answer. */
    public static final int MAX_DEPTH = 32;

    private final String text;
    private int at;

    private Json(String text) {
        this.text = text;
    }

    /** The one JSON value {@code text} holds. */
    public static Object parse(String text) throws JsonException {
        Json json = new Json(text);
        json.skipSpace();
        Object value = json.value(0);
        json.end();
        return value;
    }

    /** The object, or null when {@code text} is not exactly one well-formed JSON object. */
    public static Map<String, Object> parseObject(String text) {
        Json json = new Json(text);
        try {
            json.skipSpace();
            if (!json.next('{')) {
                return null;
            }
            Map<String, Object> object = json.object(1);
            json.end();
            return object;
        } catch (JsonException e) {
            return null;
        }
    }

    private void end() throws JsonException {
        skipSpace();
        if (at != text.length()) {
            throw error("end of input");
        }
    }

    /** After its opening brace. */
    private Map<String, Object> object(int depth) throws JsonException {
        Map<String, Object> object = new LinkedHashMap<>();
        skipSpace();
        if (next('}')) {
            return Collections.unmodifiableMap(object);
        }
        do {
            skipSpace();
            expect('"', "a member name in double quotes");
            String name = string();
            skipSpace();
            expect(':', "':'");
            if (object.containsKey(name)) {
                throw error("no second member named \"" + name + "\"");
            }
            object.put(name, value(depth));
            skipSpace();
        } while (next(','));
        expect('}', "',' or '}'");
        return Collections.unmodifiableMap(object);
    }

    /** After its opening bracket. */
    private List<Object> array(int depth) throws JsonException {
        List<Object> array = new ArrayList<>();
        skipSpace();
        if (next(']')) {
            return Collections.unmodifiableList(array);
        }
        do {
            array.add(value(depth));
            skipSpace();
        } while (next(','));
        expect(']', "',' or ']'");
        return Collections.unmodifiableList(array);
    }

    private Object value(int depth) throws JsonException {
        skipSpace();
        if (at == text.length()) {
            throw error("a value");
        }
        char c = text.charAt(at++);
        switch (c) {
            case '"':
                return string();
            case '{':
                return object(deeper(depth));
            case '[':
                return array(deeper(depth));
            case 't':
                return literal("rue", Boolean.TRUE);
            case 'f':
                return literal("alse", Boolean.FALSE);
            case 'n':
                return literal("ull", null);
            default:
                at--;
                return number();
        }
    }

    private int deeper(int depth) throws JsonException {
        if (depth >= MAX_DEPTH) {
            throw error("at most " + MAX_DEPTH + " levels of nesting");
        }
        return depth + 1;
    }

    private Object literal(String rest, Object value) throws JsonException {
        if (!text.startsWith(rest, at)) {
            at--;
            throw error("a value");
        }
        at += rest.length();
        return value;
    }

    /** After its opening quote. */
    private String string() throws JsonException {
        int start = at;
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == '"') {
                return text.substring(start, at++);
            }
            if (c == '\\') {
                return escapedString(start);
            }
            if (c < 0x20) {
                throw error("no control character inside a string");
            }
            at++;
        }
        throw error("a closing '\"'");
    }

    private String escapedString(int start) throws JsonException {
        StringBuilder out = new StringBuilder(closingQuote() - start).append(text, start, at);
        while (true) {
            char c = text.charAt(at++);
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                at--;
                throw error("no control character inside a string");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = text.charAt(at++);
            switch (e) {
                case '"':
                case '\\':
                case '/':
                    out.append(e);
                    break;
                case 'b':
                    out.append('\b');
                    break;
                case 'f':
                    out.append('\f');
                    break;
                case 'n':
                    out.append('\n');
                    break;
                case 'r':
                    out.append('\r');
                    break;
                case 't':
                    out.append('\t');
                    break;
                case 'u':
                    out.append(unicodeEscape());
                    break;
                default:
                    at--;
                    throw error("one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX");
            }
        }
    }

    /**
     * Where the string that {@link #at} is inside ends: escapes only shrink a string, so its
     * length in the text bounds its decoded length.
     */
    private int closingQuote() throws JsonException {
        for (int i = at; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                return i;
            }
            if (c == '\\') {
                i++;
            }
        }
        throw error("a closing '\"'");
    }

    private char unicodeEscape() throws JsonException {
        if (at + 4 > text.length()) {
            throw error("four hex digits");
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = AsciiHex.value(text.charAt(at + i));
            if (digit < 0) {
                throw error("four hex digits");
            }
            value = value << 4 | digit;
        }
        at += 4;
        return (char) value;
    }

    /**
     * {@code -?(0|[1-9]digits)(.digits)?([eE][+-]?digits)?}, of any size: a whole number is a
     * Long, or a BigInteger beyond it; any other a Double, or a BigDecimal where a double would
     * turn it into infinity or zero. Whether a size makes sense is for the reader of the member
     * to say: the filter's time checks refuse dates out of their range by name.
     */
    private Object number() throws JsonException {
        int start = at;
        next('-');
        if (next('0')) {
            if (isDigit()) {
                throw error("no leading zero");
            }
        } else {
            digits("a value");
        }
        boolean whole = true;
        if (next('.')) {
            digits("a digit after '.'");
            whole = false;
        }
        if (next('e') || next('E')) {
            if (!next('+')) {
                next('-');
            }
            digits("a digit in the exponent");
            whole = false;
        }
        String number = text.substring(start, at);
        return whole ? wholeNumber(number) : fraction(number, start);
    }

    private static Number wholeNumber(String number) {
        if (number.length() <= 18) { // at most 18 digits, below 10^18: always a long
            return Long.parseLong(number);
        }
        BigInteger big = new BigInteger(number);
        return big.bitLength() < 64 ? (Number) Long.valueOf(big.longValue()) : big;
    }

    private Number fraction(String number, int start) throws JsonException {
        double d = Double.parseDouble(number);
        if (!Double.isInfinite(d) && (d != 0 || zeroDigits(number))) {
            return d;
        }
        try {
            return new BigDecimal(number);
        } catch (NumberFormatException e) { // an exponent beyond int, which not even BigDecimal holds
            at = start;
            throw error("a number whose exponent BigDecimal can hold (within 2^31)");
        }
    }

    /** Whether the significand of a number is zero (its exponent, after e or E, does not count). */
    private static boolean zeroDigits(String number) {
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (c == 'e' || c == 'E') {
                return true;
            }
            if (c >= '1' && c <= '9') {
                return false;
            }
        }
        return true;
    }

    private void digits(String expected) throws JsonException {
        int start = at;
        while (isDigit()) {
            at++;
        }
        if (at == start) {
            throw error(expected);
        }
    }

    private boolean isDigit() {
        return at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9';
    }

    private void skipSpace() {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            at++;
        }
    }

    private boolean next(char c) {
        if (at < text.length() && text.charAt(at) == c) {
            at++;
            return true;
        }
        return false;
    }

    private void expect(char c, String expected) throws JsonException {
        if (!next(c)) {
            throw error(expected);
        }
    }

    private JsonException error(String expected) {
        return new JsonException(at, expected);
    }
}
