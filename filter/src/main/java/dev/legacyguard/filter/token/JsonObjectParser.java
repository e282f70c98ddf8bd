package dev.legacyguard.filter.token;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.legacyguard.filter.text.AsciiHex;

/**
 * Reads a token's header or payload: one JSON object, into the shapes jose4j's JsonUtil gives
 * (maps in member order, lists, String, Long or BigInteger, Double, Boolean, null; a fraction
 * that a double cannot hold becomes a BigDecimal, where JsonUtil gives infinity or zero), every map and list
 * unmodifiable so that an accepted token's claims can be handed out as they are, and with
 * JsonUtil's strictness on what
 * matters here: a member name given twice is refused, not "last one wins", so a header cannot say
 * {@code "alg":"ES384"} to one reader and {@code "alg":"none"} to another.
 *
 * <p>It exists because JsonUtil builds a new lexer with a 32 KB buffer for every call: for the two
 * parts of every new token that was about 65 KB and most of the parsing time. Nesting deeper than
 * {@link #MAX_DEPTH} is refused, so hostile input cannot exhaust the stack. Every string's buffer
 * is sized by that string alone, so what it allocates grows with the text's length, not its
 * square, however many escapes a token carries.
 */
final class JsonObjectParser {

    /** Far deeper than any real header or claim set. */
    static final int MAX_DEPTH = 64;

    private final String text;
    private int at;

    private JsonObjectParser(String text) {
        this.text = text;
    }

    /** The object, or null when {@code text} is not exactly one well-formed JSON object. */
    static Map<String, Object> parse(String text) {
        JsonObjectParser parser = new JsonObjectParser(text);
        try {
            parser.skipSpace();
            if (!parser.next('{')) {
                return null;
            }
            Map<String, Object> object = parser.object(1);
            parser.skipSpace();
            return parser.at == text.length() ? object : null;
        } catch (MalformedJson e) {
            return null;
        }
    }

    /** After its opening brace. */
    private Map<String, Object> object(int depth) throws MalformedJson {
        Map<String, Object> object = new LinkedHashMap<>();
        skipSpace();
        if (next('}')) {
            return Collections.unmodifiableMap(object);
        }
        do {
            skipSpace();
            expect('"');
            String name = string();
            skipSpace();
            expect(':');
            if (object.containsKey(name)) {
                throw new MalformedJson();
            }
            object.put(name, value(depth));
            skipSpace();
        } while (next(','));
        expect('}');
        return Collections.unmodifiableMap(object);
    }

    /** After its opening bracket. */
    private List<Object> array(int depth) throws MalformedJson {
        List<Object> array = new ArrayList<>();
        skipSpace();
        if (next(']')) {
            return Collections.unmodifiableList(array);
        }
        do {
            array.add(value(depth));
            skipSpace();
        } while (next(','));
        expect(']');
        return Collections.unmodifiableList(array);
    }

    private Object value(int depth) throws MalformedJson {
        skipSpace();
        if (at == text.length()) {
            throw new MalformedJson();
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

    private static int deeper(int depth) throws MalformedJson {
        if (depth >= MAX_DEPTH) {
            throw new MalformedJson();
        }
        return depth + 1;
    }

    private Object literal(String rest, Object value) throws MalformedJson {
        if (!text.startsWith(rest, at)) {
            throw new MalformedJson();
        }
        at += rest.length();
        return value;
    }

    /** After its opening quote. */
    private String string() throws MalformedJson {
        int start = at;
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == '"') {
                return text.substring(start, at++);
            }
            if (c == '\\') {
                return escapedString(start);
            }
            at++;
        }
        throw new MalformedJson();
    }

    private String escapedString(int start) throws MalformedJson {
        StringBuilder out = new StringBuilder(closingQuote() - start).append(text, start, at);
        while (true) {
            char c = text.charAt(at++);
            if (c == '"') {
                return out.toString();
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
                    throw new MalformedJson();
            }
        }
    }

    /**
     * Where the string that {@link #at} is inside ends: escapes only shrink a string, so its
     * length in the text bounds its decoded length.
     */
    private int closingQuote() throws MalformedJson {
        for (int i = at; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                return i;
            }
            if (c == '\\') {
                i++;
            }
        }
        throw new MalformedJson();
    }

    private char unicodeEscape() throws MalformedJson {
        if (at + 4 > text.length()) {
            throw new MalformedJson();
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
            value = value << 4 | hexDigit(text.charAt(at++));
        }
        return (char) value;
    }

    private static int hexDigit(char c) throws MalformedJson {
        int digit = AsciiHex.value(c);
        if (digit < 0) {
            throw new MalformedJson();
        }
        return digit;
    }

    /**
     * {@code -?digits(.digits)?([eE][+-]?digits)?}, of any size: a whole number is a Long, or a
     * BigInteger beyond it; any other a Double, or a BigDecimal where a double would turn it into
     * infinity or zero. Whether a size makes sense is for the claim's reader to say: the time
     * checks refuse dates out of their range by name.
     */
    private Object number() throws MalformedJson {
        int start = at;
        next('-');
        digits();
        boolean whole = true;
        if (next('.')) {
            digits();
            whole = false;
        }
        if (next('e') || next('E')) {
            if (!next('+')) {
                next('-');
            }
            digits();
            whole = false;
        }
        String number = text.substring(start, at);
        return whole ? wholeNumber(number) : fraction(number);
    }

    private static Number wholeNumber(String number) {
        if (number.length() <= 18) { // at most 18 digits, below 10^18: always a long
            return Long.parseLong(number);
        }
        BigInteger big = new BigInteger(number);
        return big.bitLength() < 64 ? (Number) Long.valueOf(big.longValue()) : big;
    }

    private static Number fraction(String number) throws MalformedJson {
        double d = Double.parseDouble(number);
        if (!Double.isInfinite(d) && (d != 0 || zeroDigits(number))) {
            return d;
        }
        try {
            return new BigDecimal(number);
        } catch (NumberFormatException e) { // an exponent beyond int, which not even BigDecimal holds
            throw new MalformedJson();
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

    private void digits() throws MalformedJson {
        int start = at;
        while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
            at++;
        }
        if (at == start) {
            throw new MalformedJson();
        }
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

    private void expect(char c) throws MalformedJson {
        if (!next(c)) {
            throw new MalformedJson();
        }
    }

    /** Thrown and caught only inside the parser; no stack trace, since hostile input may cause many. */
    private static final class MalformedJson extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedJson() {
            super(null, null, false, false);
        }
    }
}
