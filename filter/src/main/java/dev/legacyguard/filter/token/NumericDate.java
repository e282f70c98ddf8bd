package dev.legacyguard.filter.token;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Reads a JWT NumericDate claim: seconds since the epoch, a JSON number that may have a fraction
 * and, as the parser reads numbers of any size, any magnitude.
 */
final class NumericDate {

    /** Keeps {@code seconds * 1000} plus the skew from overflowing: some 146 million years either side of 1970. */
    static final long MAX_SECONDS = Long.MAX_VALUE / 2000;
    private static final BigDecimal MAX = BigDecimal.valueOf(MAX_SECONDS);

    private NumericDate() {
    }

    /**
     * Why {@code value} is no date this filter can judge, as a refusal by the check named
     * {@code claim}; null when it is one. A date out of range is refused rather than clamped, so
     * that no value reads as "never expires".
     */
    static Failure refusal(String claim, Object value) {
        if (!(value instanceof Number)) {
            return Failure.invalid(claim, "claim " + claim + " is not a number of seconds since 1970");
        }
        if (!inRange((Number) value)) {
            return Failure.invalid(claim, "claim " + claim + " " + Quoted.of(value) + " is out of range: seconds since"
                    + " 1970 must lie between -" + MAX_SECONDS + " and " + MAX_SECONDS);
        }
        return null;
    }

    private static boolean inRange(Number n) {
        if (n instanceof Long || n instanceof Integer) {
            return -MAX_SECONDS <= n.longValue() && n.longValue() <= MAX_SECONDS;
        }
        if (n instanceof BigInteger) {
            return new BigDecimal((BigInteger) n).abs().compareTo(MAX) <= 0;
        }
        if (n instanceof BigDecimal) {
            return ((BigDecimal) n).abs().compareTo(MAX) <= 0;
        }
        double d = n.doubleValue();
        return -MAX_SECONDS <= d && d <= MAX_SECONDS; // false for NaN and the infinities
    }

    /** A value that {@link #refusal} accepted, in whole seconds (a fraction rounds down). */
    static long seconds(Object value) {
        Number n = (Number) value;
        return n instanceof Long || n instanceof Integer ? n.longValue() : (long) Math.floor(n.doubleValue());
    }
}
