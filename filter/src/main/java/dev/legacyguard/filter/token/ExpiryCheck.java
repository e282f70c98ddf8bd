package dev.legacyguard.filter.token;

import java.time.Instant;

/** Claim exp present and, with the skew, not passed. A token without exp would never expire. */
final class ExpiryCheck implements TokenCheck {

    private final TimeWindow window;

    ExpiryCheck(TimeWindow window) {
        this.window = window;
    }

    @Override
    public String name() {
        return "exp";
    }

    @Override
    public Needs needs() {
        return Needs.CLAIMS;
    }

    @Override
    public Failure check(ParsedToken token) {
        Object exp = token.claims.get("exp");
        if (exp == null) {
            return Failure.invalid("exp", "claim exp is missing; tokens without an expiry are refused");
        }
        Failure notADate = NumericDate.refusal("exp", exp);
        if (notADate != null) {
            return notADate;
        }
        return window.expiry(NumericDate.seconds(exp), window.nowMillis());
    }

    @Override
    public String passDetail(ParsedToken token) {
        return "expires at " + Instant.ofEpochSecond(NumericDate.seconds(token.claims.get("exp")));
    }
}
