package dev.legacyguard.agent.token;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads a {@code Retry-After} header (RFC 9110 section 10.2.3): delay-seconds or an HTTP-date.
 * The wait is capped at {@link #MAX_MILLIS}, so that a wrong date or a huge number cannot keep
 * the agent from asking again for longer than a token may live unused.
 */
final class RetryAfter {

    static final long MAX_MILLIS = 3_600_000;

    private RetryAfter() {
    }

    /** The wait it asks for from {@code nowEpochMillis}, at most {@link #MAX_MILLIS}; 0 when absent, past or unreadable. */
    static long millis(String header, long nowEpochMillis) {
        if (header == null) {
            return 0;
        }
        String value = header.trim();
        if (!value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return value.length() > 10 ? MAX_MILLIS : Math.min(MAX_MILLIS, Long.parseLong(value) * 1000);
        }
        try {
            // RFC_1123_DATE_TIME reads the IMF-fixdate form senders must use.
            long at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
            return Math.max(0, Math.min(MAX_MILLIS, at - nowEpochMillis));
        } catch (DateTimeParseException e) {
            return 0;
        }
    }
}
