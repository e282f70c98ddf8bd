package dev.legacyguard.core.text;

/**
 * Hex digits as URIs and JSON mean them: ASCII only, where Character.digit also takes
 * Arabic-Indic, Devanagari or fullwidth digits.
 */
public final class AsciiHex {

    private AsciiHex() {
    }

    /** The digit's value, or -1; so {@code value(a) << 4 | value(b)} is negative unless both are digits. */
    public static int value(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
