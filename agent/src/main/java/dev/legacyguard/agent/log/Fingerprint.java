package dev.legacyguard.agent.log;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** What the logs show instead of a token or a secret: {@code sha256:} and 12 hex digits. */
public final class Fingerprint {

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final int SHOWN_BYTES = 6;

    private Fingerprint() {
    }

    public static String of(String secret) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            // Every Java SE platform must provide SHA-256.
            throw new IllegalStateException(e);
        }
        StringBuilder text = new StringBuilder("sha256:");
        for (int i = 0; i < SHOWN_BYTES; i++) {
            text.append(HEX[(digest[i] >> 4) & 0xf]).append(HEX[digest[i] & 0xf]);
        }
        return text.toString();
    }
}
