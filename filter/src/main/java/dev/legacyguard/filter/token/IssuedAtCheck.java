package dev.legacyguard.filter.token;

import java.time.Instant;

/** Claim iat, when present, not in the future beyond the skew: such a token comes from a broken clock or a forger. */
final class IssuedAtCheck implements TokenCheck {

    private final TimeWindow window;

    IssuedAtCheck(TimeWindow window) {
        this.window = window;
    }

    @Override
    public String name() {
        return "iat";
    }

    @Override
    public Needs needs() {
        return Needs.CLAIMS;
    }

    @Override
    public Failure check(ParsedToken token) {
        Object iat = token.claims.get("iat");
        if (iat == null) {
            return null;
        }
        Failure notADate = NumericDate.refusal("iat", iat);
        if (notADate != null) {
            return notADate;
        }
        return window.issuedAt(NumericDate.seconds(iat), window.nowMillis());
    }

    @Override
    public String passDetail(ParsedToken token) {
        Object iat = token.claims.get("iat");
        return iat == null ? "no iat claim" : "issued at " + Instant.ofEpochSecond(NumericDate.seconds(iat));
    }
}
