package dev.legacyguard.core.log;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The only thing ever logged about a token or a secret: enough to correlate log lines, useless
 * to replay. The filter and the agent both log it, so one token reads the same in both logs.
 */
public final class Fingerprint {

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final int HEX_CHARS = 12;

    private Fingerprint() {
    }

    /** {@code "sha256:"} followed by the first 12 hex characters of the text's SHA-256; {@code sha256:none} for null. */
    public static String of(String text) {
        if (text == null) {
            return "sha256:none";
        }
        byte[] digest = sha256().digest(text.getBytes(StandardCharsets.UTF_8));
        char[] out = new char[HEX_CHARS];
        for (int i = 0; i < HEX_CHARS / 2; i++) {
            out[2 * i] = HEX[(digest[i] >> 4) & 0xf];
            out[2 * i + 1] = HEX[digest[i] & 0xf];
        }
        return "sha256:" + new String(out);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
