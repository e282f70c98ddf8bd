package dev.legacyguard.filter.decision;

import java.util.Locale;

/** What {@code logto.cors.preflight} asks for CORS preflight requests. */
public enum PreflightPolicy {
    /** Like any other request: the rules decide, so a preflight to a protected path gets a 401. */
    JUDGE,
    /**
     * Straight to the application, before the rules: for applications that answer {@code OPTIONS}
     * themselves. Anyone can send a request that looks like a preflight.
     */
    PASS;

    /** The word as written in the configuration, or null when it is neither. */
    public static PreflightPolicy parse(String word) {
        for (PreflightPolicy policy : values()) {
            if (policy.word().equalsIgnoreCase(word)) {
                return policy;
            }
        }
        return null;
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
