package dev.legacyguard.filter.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as the configuration writes them: {@code 500ms}, {@code 60s}, {@code 5m}, {@code 24h}. */
final class Durations {
    static final String EXPECTED = "a duration such as 500ms, 60s, 5m or 24h";
    private static final Pattern FORMAT = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h)");

    private Durations() {
    }

    /** Milliseconds, or -1 when {@code text} is not a duration. */
    static long parseMillis(String text) {
        Matcher m = FORMAT.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return -1;
        }
        long amount = Long.parseLong(m.group(1));
        switch (m.group(2)) {
            case "ms":
                return amount;
            case "s":
                return amount * 1000L;
            case "m":
                return amount * 60_000L;
            default:
                return amount * 3_600_000L;
        }
    }

    /** {@code 90000} becomes {@code 90s}, for messages and the startup line. */
    static String format(long millis) {
        if (millis % 3_600_000L == 0 && millis > 0) {
            return millis / 3_600_000L + "h";
        }
        if (millis % 60_000L == 0 && millis > 0) {
            return millis / 60_000L + "m";
        }
        if (millis % 1000L == 0) {
            return millis / 1000L + "s";
        }
        return millis + "ms";
    }
}
