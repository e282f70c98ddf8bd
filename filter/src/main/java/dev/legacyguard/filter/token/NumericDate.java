package dev.legacyguard.filter.token;

/** Reads a JWT NumericDate claim (seconds since the epoch; JSON numbers may have a fraction). */
final class NumericDate {

    /** Keeps {@code seconds * 1000} from overflowing: year 292 million is "never" anyway. */
    private static final long MAX_SECONDS = Long.MAX_VALUE / 2000;

    private NumericDate() {
    }

    static boolean isDate(Object value) {
        return value instanceof Number && !Double.isNaN(((Number) value).doubleValue());
    }

    static long seconds(Object value) {
        // Only Long/Integer convert exactly; anything else (a fraction, a huge integer) goes through
        // double, whose cast to long saturates instead of wrapping into a plausible date.
        long s = value instanceof Long || value instanceof Integer
                ? ((Number) value).longValue() : (long) Math.floor(((Number) value).doubleValue());
        return Math.max(-MAX_SECONDS, Math.min(MAX_SECONDS, s));
    }
}
